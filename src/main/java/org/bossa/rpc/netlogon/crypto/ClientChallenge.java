package org.bossa.rpc.netlogon.crypto;

import java.security.SecureRandom;

/**
 * The 8-byte ClientChallenge of NetrServerReqChallenge (MS-NRPC 3.1.4.1). Since the ZeroLogon fix
 * (CVE-2020-1472) a server refuses a challenge whose first five bytes are all equal (3.5.4.4.1); a
 * client draws again in that case, as Samba's netlogon_creds_random_challenge does, so such a draw
 * never leaves this class.
 */
public final class ClientChallenge {

    public static final int SIZE = 8;

    private ClientChallenge() {
    }

    /** Eight bytes from {@code random}, redrawn while the first five are all equal. */
    public static byte[] generate(SecureRandom random) {
        byte[] challenge = new byte[SIZE];
        do {
            random.nextBytes(challenge);
        } while (!acceptable(challenge));
        return challenge;
    }

    /** Whether a server applying the ZeroLogon check accepts {@code challenge}: some of bytes 1-4 differ from byte 0. */
    public static boolean acceptable(byte[] challenge) {
        if (challenge.length != SIZE) {
            return false;
        }
        for (int i = 1; i < 5; i++) {
            if (challenge[i] != challenge[0]) {
                return true;
            }
        }
        return false;
    }
}
