package org.bossa.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The NTLM session-security keys (MS-NLMP 3.4.5.2 SIGNKEY, 3.4.5.3 SEALKEY) derived from the ExportedSessionKey
 * and the negotiated flags. Sign keys exist only with NEGOTIATE_EXTENDED_SESSIONSECURITY (null otherwise).
 *
 * @param exportedSessionKey the ExportedSessionKey (the SMB session key)
 * @param flags the negotiated flags
 * @param clientSignKey client-to-server signing key, or null without extended session security
 * @param serverSignKey server-to-client signing key, or null without extended session security
 * @param clientSealKey client-to-server sealing key
 * @param serverSealKey server-to-client sealing key
 */
public record NtlmSessionKeys(byte[] exportedSessionKey, int flags, byte[] clientSignKey, byte[] serverSignKey,
        byte[] clientSealKey, byte[] serverSealKey) {

    private static final byte[] CLIENT_SIGN = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGN = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEAL = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEAL = magic("session key to server-to-client sealing key magic constant");

    private static byte[] magic(String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(a, a.length + 1);
    }

    public NtlmSessionKeys {
        exportedSessionKey = exportedSessionKey.clone();
        clientSignKey = clientSignKey == null ? null : clientSignKey.clone();
        serverSignKey = serverSignKey == null ? null : serverSignKey.clone();
        clientSealKey = clientSealKey.clone();
        serverSealKey = serverSealKey.clone();
    }

    public static NtlmSessionKeys derive(byte[] exportedSessionKey, int flags) {
        if (!NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            byte[] seal;
            if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_LM_KEY)) {
                seal = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_56)
                        ? concat(Arrays.copyOf(exportedSessionKey, 7), new byte[] {(byte) 0xA0})
                        : concat(Arrays.copyOf(exportedSessionKey, 5), new byte[] {(byte) 0xE5, 0x38, (byte) 0xB0});
            } else {
                seal = exportedSessionKey.clone();
            }
            return new NtlmSessionKeys(exportedSessionKey, flags, null, null, seal, seal);
        }
        byte[] base;
        if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_128)) {
            base = exportedSessionKey;
        } else if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_56)) {
            base = Arrays.copyOf(exportedSessionKey, 7);
        } else {
            base = Arrays.copyOf(exportedSessionKey, 5);
        }
        return new NtlmSessionKeys(exportedSessionKey, flags,
                NtlmCrypto.md5(exportedSessionKey, CLIENT_SIGN), NtlmCrypto.md5(exportedSessionKey, SERVER_SIGN),
                NtlmCrypto.md5(base, CLIENT_SEAL), NtlmCrypto.md5(base, SERVER_SEAL));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    public boolean extendedSessionSecurity() {
        return clientSignKey != null;
    }

    @Override
    public byte[] exportedSessionKey() {
        return exportedSessionKey.clone();
    }

    @Override
    public byte[] clientSignKey() {
        return clientSignKey == null ? null : clientSignKey.clone();
    }

    @Override
    public byte[] serverSignKey() {
        return serverSignKey == null ? null : serverSignKey.clone();
    }

    @Override
    public byte[] clientSealKey() {
        return clientSealKey.clone();
    }

    @Override
    public byte[] serverSealKey() {
        return serverSealKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmSessionKeys k && k.flags == flags
                && Arrays.equals(k.exportedSessionKey, exportedSessionKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exportedSessionKey);
    }

    @Override
    public String toString() {
        return "NtlmSessionKeys[" + NtlmFlags.describe(flags) + "]";
    }
}
