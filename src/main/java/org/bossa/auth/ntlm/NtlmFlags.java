package org.bossa.auth.ntlm;

import java.util.ArrayList;
import java.util.List;

/** NegotiateFlags bits (MS-NLMP 2.2.2.5). */
public final class NtlmFlags {
    private NtlmFlags() {
    }

    public static final int NEGOTIATE_UNICODE = 0x00000001;
    public static final int NEGOTIATE_OEM = 0x00000002;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int NEGOTIATE_SIGN = 0x00000010;
    public static final int NEGOTIATE_SEAL = 0x00000020;
    public static final int NEGOTIATE_DATAGRAM = 0x00000040;
    public static final int NEGOTIATE_LM_KEY = 0x00000080;
    public static final int NEGOTIATE_NTLM = 0x00000200;
    public static final int ANONYMOUS = 0x00000800;
    public static final int NEGOTIATE_OEM_DOMAIN_SUPPLIED = 0x00001000;
    public static final int NEGOTIATE_OEM_WORKSTATION_SUPPLIED = 0x00002000;
    public static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    public static final int TARGET_TYPE_DOMAIN = 0x00010000;
    public static final int TARGET_TYPE_SERVER = 0x00020000;
    public static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int NEGOTIATE_IDENTIFY = 0x00100000;
    public static final int REQUEST_NON_NT_SESSION_KEY = 0x00400000;
    public static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    public static final int NEGOTIATE_VERSION = 0x02000000;
    public static final int NEGOTIATE_128 = 0x20000000;
    public static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    public static final int NEGOTIATE_56 = 0x80000000;

    public static boolean has(int flags, int bit) {
        return (flags & bit) == bit;
    }

    /** Names of the set bits, for logs. */
    public static String describe(int flags) {
        List<String> names = new ArrayList<>();
        String[] known = {"UNICODE", "OEM", "REQUEST_TARGET", "r10", "SIGN", "SEAL", "DATAGRAM", "LM_KEY",
            "r9", "NTLM", "r8", "ANONYMOUS", "OEM_DOMAIN_SUPPLIED", "OEM_WORKSTATION_SUPPLIED", "r7",
            "ALWAYS_SIGN", "TARGET_TYPE_DOMAIN", "TARGET_TYPE_SERVER", "r6", "EXTENDED_SESSIONSECURITY",
            "IDENTIFY", "r5", "REQUEST_NON_NT_SESSION_KEY", "TARGET_INFO", "r4", "VERSION", "r3", "r2", "r1",
            "128", "KEY_EXCH", "56"};
        for (int i = 0; i < 32; i++) {
            if ((flags & (1 << i)) != 0) {
                names.add(known[i]);
            }
        }
        return String.join("|", names);
    }
}
