package org.bossa.kerberos.kpasswd;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The framing of kpasswd requests and replies (RFC 3244 2): message length (2, the whole message),
 * protocol version (2: 0xFF80 for a request; 0x0001 or 0xFF80 in replies), AP-REQ/AP-REP length
 * (2), the AP message, then a KRB-PRIV (or, in an error reply with AP length 0, a KRB-ERROR).
 */
public record KpasswdMessage(int version, byte[] apMessage, byte[] privOrError) {
    public static final int VERSION_SET_PASSWORD = 0xFF80;
    public static final int VERSION_CHANGE_PASSWORD = 0x0001;
    static final int HEADER = 6;

    public KpasswdMessage {
        apMessage = apMessage.clone();
        privOrError = privOrError.clone();
    }

    @Override
    public byte[] apMessage() {
        return apMessage.clone();
    }

    @Override
    public byte[] privOrError() {
        return privOrError.clone();
    }

    public byte[] encode() {
        int total = HEADER + apMessage.length + privOrError.length;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("kpasswd message of " + total + " bytes does not fit its 16-bit length");
        }
        return ByteBuffer.allocate(total).putShort((short) total).putShort((short) version)
                .putShort((short) apMessage.length).put(apMessage).put(privOrError).array();
    }

    public static KpasswdMessage decode(byte[] m) throws KpasswdFormatException {
        if (m.length < HEADER) {
            throw new KpasswdFormatException("kpasswd message of " + m.length + " bytes is shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(m);
        int total = b.getShort() & 0xFFFF;
        int version = b.getShort() & 0xFFFF;
        int apLength = b.getShort() & 0xFFFF;
        if (total != m.length) {
            throw new KpasswdFormatException("kpasswd message says " + total + " bytes but has " + m.length);
        }
        if (apLength > m.length - HEADER) {
            throw new KpasswdFormatException("AP message of " + apLength + " bytes, " + (m.length - HEADER) + " remain");
        }
        return new KpasswdMessage(version, Arrays.copyOfRange(m, HEADER, HEADER + apLength),
                Arrays.copyOfRange(m, HEADER + apLength, m.length));
    }
}
