package org.bossa.kerberos.kpasswd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A reply's user-data (RFC 3244 2): a 2-byte big-endian result code, then the result string. AD
 * and Samba send, for a policy failure, a 30-byte binary string instead of text (MS-KILE 3.1.5.12,
 * as MIT reads it): 0x0000, then big-endian min length (4), history length (4), properties (4),
 * max age (8, 100 ns units), min age (8, 100 ns units); {@link #text()} renders it in words.
 */
public record KpasswdResult(KpasswdResultCode code, int rawCode, String text) {
    static final int AD_POLICY_LENGTH = 30;
    static final int DOMAIN_PASSWORD_COMPLEX = 0x1;
    private static final long TICKS_PER_DAY = 864_000_000_000L;

    public static KpasswdResult decode(byte[] userData) throws KpasswdFormatException {
        if (userData.length < 2) {
            throw new KpasswdFormatException("result of " + userData.length + " bytes has no result code");
        }
        int raw = ((userData[0] & 0xFF) << 8) | (userData[1] & 0xFF);
        byte[] rest = new byte[userData.length - 2];
        System.arraycopy(userData, 2, rest, 0, rest.length);
        return new KpasswdResult(KpasswdResultCode.of(raw), raw, text(rest));
    }

    /** The user-data a server would send, for tests and symmetry. */
    public byte[] encode() {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + t.length).putShort((short) rawCode).put(t).array();
    }

    static String text(byte[] s) {
        if (s.length == AD_POLICY_LENGTH && s[0] == 0 && s[1] == 0) {
            ByteBuffer b = ByteBuffer.wrap(s, 2, AD_POLICY_LENGTH - 2);
            int minLength = b.getInt();
            int history = b.getInt();
            int properties = b.getInt();
            long maxAge = b.getLong();
            long minAge = b.getLong();
            StringBuilder t = new StringBuilder("the password must");
            t.append(" be at least ").append(minLength).append(" characters long");
            if (history > 0) {
                t.append(", differ from the last ").append(history).append(" passwords");
            }
            if ((properties & DOMAIN_PASSWORD_COMPLEX) != 0) {
                t.append(", mix upper case, lower case, digits and symbols and not contain the account name");
            }
            if (minAge > 0) {
                t.append(", and the current one must be at least ").append(Math.max(1, minAge / TICKS_PER_DAY))
                        .append(" day(s) old");
            }
            if (maxAge > 0 && maxAge != Long.MAX_VALUE) {
                t.append(" (passwords expire after ").append(maxAge / TICKS_PER_DAY).append(" days)");
            }
            return t.toString();
        }
        return new String(s, StandardCharsets.UTF_8);
    }
}
