package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bossa.domain.locator.LdapPing;
import org.bossa.domain.locator.NetlogonFormatException;
import org.bossa.domain.locator.NetlogonSamLogonResponseEx;
import org.bossa.domain.locator.NtVersion;

/**
 * What the DC locator reads from the network: a CLDAP ping answer datagram (LDAP searchResEntry /
 * searchResDone, BER), the NETLOGON_SAM_LOGON_RESPONSE_EX inside it (MS-ADTS 6.3.1.9, with and
 * without the NtVer bits that add DcSockAddr and the closest site), and the SRV records the DNS
 * resolver hands over as text. Failures must be NetlogonFormatException, and the documented
 * IllegalArgumentException for an SRV record. The first byte picks the decoder.
 */
class LocatorFuzzTest {
    private static final MethodHandle SRV_PARSE = Hidden.staticMethod("org.bossa.domain.locator.SrvRecord", "parse",
            srvRecord(), String.class);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void answer(byte[] input) throws Throwable {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch ((input[0] & 0xFF) % 4) {
                case 0 -> LdapPing.answer(rest);
                case 1 -> NetlogonSamLogonResponseEx.decode(rest, NtVersion.LOCATOR_REQUEST);
                case 2 -> NetlogonSamLogonResponseEx.decode(rest,
                        NtVersion.V5EX | NtVersion.V5EX_WITH_IP | NtVersion.WITH_CLOSEST_SITE);
                default -> srv(new String(rest, StandardCharsets.UTF_8));
            }
        } catch (NetlogonFormatException e) {
            // the DC is skipped
        }
    }

    private static void srv(String text) throws Throwable {
        try {
            SRV_PARSE.invoke(text);
        } catch (IllegalArgumentException e) {
            // documented: not four fields, or a number out of range
        }
    }

    private static Class<?> srvRecord() {
        try {
            return Class.forName("org.bossa.domain.locator.SrvRecord");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
