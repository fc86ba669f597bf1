package org.bossa.rpc.netlogon.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * NL_TRUST_PASSWORD (MS-NRPC 2.2.1.3.7) in the clear: a 512-byte Buffer whose last bytes hold the
 * password in UTF-16LE and whose other bytes are random, then Length (4 bytes, little-endian), the
 * password's length in bytes. Samba's set_pw_in_buffer lays it out the same way; the optional
 * NL_PASSWORD_VERSION in front of the password is for domain trusts and is left out (workstation
 * channels do not send it).
 */
final class NlTrustPassword {

    static final int BUFFER_SIZE = 512;
    static final int SIZE = BUFFER_SIZE + 4;

    private NlTrustPassword() {
    }

    static byte[] build(String password, SecureRandom random) throws NetlogonCryptoException {
        byte[] utf16 = password.getBytes(StandardCharsets.UTF_16LE);
        try {
            if (utf16.length == 0 || utf16.length > BUFFER_SIZE) {
                throw new NetlogonCryptoException(NetlogonCryptoException.Reason.BAD_PASSWORD_LENGTH,
                        "a trust password is 1 to 256 UTF-16 code units, got " + utf16.length / 2);
            }
            byte[] out = new byte[SIZE];
            random.nextBytes(out);
            System.arraycopy(utf16, 0, out, BUFFER_SIZE - utf16.length, utf16.length);
            out[BUFFER_SIZE] = (byte) utf16.length;
            out[BUFFER_SIZE + 1] = (byte) (utf16.length >>> 8);
            out[BUFFER_SIZE + 2] = 0;
            out[BUFFER_SIZE + 3] = 0;
            return out;
        } finally {
            NetlogonAes.wipe(utf16);
        }
    }
}
