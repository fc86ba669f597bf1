package org.bossa.kerberos.gss;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * Per-message protection of an established Kerberos context: RFC 4121 4.2 Wrap (token id 05 04) and
 * MIC (04 04) tokens for the AES enctypes (RFC 3962). The same class serves either side; the local
 * role picks the key usages (RFC 4121 2: acceptor seal 22, acceptor sign 23, initiator seal 24,
 * initiator sign 25; Wrap tokens use the seal usage whether sealed or only checksummed, MIC tokens
 * the sign usage) and the SentByAcceptor flag.
 *
 * <p>Wrap tokens are sent with EC 0 when sealed (AES-CTS needs no padding), EC = checksum size when
 * not, and RRC 0; received tokens are accepted with any RRC (Heimdal and Windows rotate by 28). The
 * sending and the receiving sequence number each advance under their own lock, so one thread may
 * wrap while another unwraps.
 */
public final class Krb5MessageProtection {
    /** Which side of the context this end is. */
    public enum Role { INITIATOR, ACCEPTOR }

    /** The result of unwrap: the data and whether it travelled encrypted. */
    public record Unwrapped(byte[] data, boolean confidential) {
    }

    static final int TOK_WRAP = 0x0504;
    static final int TOK_MIC = 0x0404;
    static final int FLAG_SENT_BY_ACCEPTOR = 0x01;
    static final int FLAG_SEALED = 0x02;
    static final int FLAG_ACCEPTOR_SUBKEY = 0x04;
    static final int HEADER_LENGTH = 16;

    private static final int KU_ACCEPTOR_SEAL = 22;
    private static final int KU_ACCEPTOR_SIGN = 23;
    private static final int KU_INITIATOR_SEAL = 24;
    private static final int KU_INITIATOR_SIGN = 25;

    private final Role role;
    private final byte[] key;
    private final EncTypeHandler enc;
    private final CheckSumTypeHandler checksum;
    private final boolean acceptorSubkey;
    private final Object sendLock = new Object();
    private final Object receiveLock = new Object();
    private long sendSequence;
    private long receiveSequence;

    /**
     * @param role this end's role
     * @param key the context key: the acceptor subkey if there is one, else the initiator subkey
     * @param acceptorSubkey whether {@code key} is the acceptor's subkey (the AcceptorSubkey flag)
     * @param sendSequence the first sequence number this end sends
     * @param receiveSequence the first sequence number expected from the peer
     */
    public Krb5MessageProtection(Role role, EncryptionKey key, boolean acceptorSubkey, long sendSequence,
            long receiveSequence) throws GssException {
        this.role = role;
        EncryptionType type = key.getKeyType();
        if (type != EncryptionType.AES128_CTS_HMAC_SHA1_96 && type != EncryptionType.AES256_CTS_HMAC_SHA1_96) {
            throw new GssException(GssError.UNSUPPORTED_ENCTYPE,
                    "per-message tokens need an AES key, not " + (type == null ? "unknown" : type.getName()));
        }
        try {
            this.enc = EncryptionHandler.getEncHandler(type);
            this.checksum = CheckSumHandler.getCheckSumHandler(enc.checksumType());
        } catch (KrbException e) {
            throw new GssException(GssError.UNSUPPORTED_ENCTYPE, type.getName(), e);
        }
        byte[] k = key.getKeyData();
        if (k == null || k.length != enc.keySize()) {
            throw new GssException(GssError.UNSUPPORTED_ENCTYPE, "the key has the wrong length for " + type.getName());
        }
        this.key = k.clone();
        this.acceptorSubkey = acceptorSubkey;
        this.sendSequence = sendSequence;
        this.receiveSequence = receiveSequence;
    }

    /** Bytes a sealed wrap token adds to its data: header, confounder, header copy, HMAC. */
    public int sealedOverhead() {
        return HEADER_LENGTH + enc.confounderSize() + HEADER_LENGTH + enc.checksumSize();
    }

    /** Bytes an integrity-only wrap token adds to its data: header and checksum. */
    public int signedOverhead() {
        return HEADER_LENGTH + checksum.outputSize();
    }

    /** GSS_Wrap (RFC 4121 4.2.4, 4.2.6.2). */
    public byte[] wrap(byte[] data, boolean confidential) throws GssException {
        synchronized (sendLock) {
            long seq = sendSequence;
            byte[] token;
            try {
                if (confidential) {
                    byte[] header = wrapHeader(sendFlags() | FLAG_SEALED, 0, 0, seq);
                    byte[] plain = new byte[data.length + HEADER_LENGTH];
                    System.arraycopy(data, 0, plain, 0, data.length);
                    System.arraycopy(header, 0, plain, data.length, HEADER_LENGTH);
                    byte[] cipher = enc.encrypt(plain, key, sealUsage(role));
                    token = concat(header, cipher);
                } else {
                    int cksumSize = checksum.outputSize();
                    byte[] header = wrapHeader(sendFlags(), cksumSize, 0, seq);
                    // RFC 4121 2: Wrap tokens use the SEAL usage with or without confidentiality
                    byte[] mac = checksum.checksumWithKey(concat(data, wrapHeader(sendFlags(), 0, 0, seq)), key,
                            sealUsage(role));
                    token = new byte[HEADER_LENGTH + data.length + mac.length];
                    System.arraycopy(header, 0, token, 0, HEADER_LENGTH);
                    System.arraycopy(data, 0, token, HEADER_LENGTH, data.length);
                    System.arraycopy(mac, 0, token, HEADER_LENGTH + data.length, mac.length);
                }
            } catch (KrbException e) {
                throw new GssException(GssError.CRYPTO_FAILURE, "wrap", e);
            }
            sendSequence = seq + 1;
            return token;
        }
    }

    /** GSS_Unwrap: verifies direction, key flag, integrity, then the sequence number. */
    public Unwrapped unwrap(byte[] token) throws GssException {
        if (token == null || token.length < HEADER_LENGTH) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    "wrap token is " + (token == null ? 0 : token.length) + " bytes, shorter than its 16-byte header");
        }
        int tokenId = u16(token, 0);
        if (tokenId != TOK_WRAP) {
            throw new GssException(GssError.WRONG_TOKEN_ID, String.format("expected 05 04, got %04x", tokenId));
        }
        int flags = token[2] & 0xff;
        checkFlags(flags);
        if ((token[3] & 0xff) != 0xff) {
            throw new GssException(GssError.BAD_FILLER, String.format("filler byte is 0x%02x", token[3] & 0xff));
        }
        int ec = u16(token, 4);
        int rrc = u16(token, 6);
        long seq = ByteBuffer.wrap(token, 8, 8).getLong();
        byte[] body = rotateLeft(token, HEADER_LENGTH, rrc);
        byte[] data;
        boolean sealed = (flags & FLAG_SEALED) != 0;
        if (sealed) {
            int minimum = enc.confounderSize() + enc.checksumSize() + HEADER_LENGTH;
            if (body.length < minimum) {
                throw new GssException(GssError.DEFECTIVE_TOKEN,
                        "sealed wrap token body is " + body.length + " bytes, at least " + minimum + " expected");
            }
            if (body.length - minimum < ec) {
                throw new GssException(GssError.BAD_EC, "EC " + ec + " exceeds the " + (body.length - minimum)
                        + " bytes of sealed data");
            }
            byte[] plain;
            try {
                plain = enc.decrypt(body, key, sealUsage(peer()));
            } catch (KrbException | RuntimeException e) {
                throw new GssException(GssError.BAD_INTEGRITY, "sealed wrap token does not decrypt", e);
            }
            int copyAt = plain.length - HEADER_LENGTH;
            if (copyAt < ec) {
                throw new GssException(GssError.BAD_EC, "EC " + ec + " exceeds the decrypted data");
            }
            // RFC 4121 4.2.4: the encrypted copy equals the header except RRC, which was zero when encrypted
            if (!Arrays.equals(plain, copyAt, copyAt + 6, token, 0, 6)
                    || !Arrays.equals(plain, copyAt + 8, copyAt + HEADER_LENGTH, token, 8, HEADER_LENGTH)) {
                throw new GssException(GssError.HEADER_MISMATCH, "sequence " + Long.toUnsignedString(seq));
            }
            data = Arrays.copyOf(plain, copyAt - ec);
        } else {
            int cksumSize = checksum.outputSize();
            if (ec != cksumSize) {
                throw new GssException(GssError.BAD_EC,
                        "EC of an unsealed wrap token must be the checksum size " + cksumSize + ", got " + ec);
            }
            if (body.length < ec) {
                throw new GssException(GssError.DEFECTIVE_TOKEN, "wrap token body shorter than its checksum");
            }
            data = Arrays.copyOf(body, body.length - ec);
            byte[] signedHeader = token.clone();
            Arrays.fill(signedHeader, 4, 8, (byte) 0);
            verifyChecksum(concat(data, Arrays.copyOf(signedHeader, HEADER_LENGTH)),
                    Arrays.copyOfRange(body, body.length - ec, body.length), sealUsage(peer()), "wrap");
        }
        acceptSequence(seq);
        return new Unwrapped(data, sealed);
    }

    /** GSS_GetMIC (RFC 4121 4.2.6.1). */
    public byte[] getMic(byte[] data) throws GssException {
        synchronized (sendLock) {
            long seq = sendSequence;
            byte[] header = micHeader(sendFlags(), seq);
            byte[] mac;
            try {
                mac = checksum.checksumWithKey(concat(data, header), key, signUsage(role));
            } catch (KrbException e) {
                throw new GssException(GssError.CRYPTO_FAILURE, "getMIC", e);
            }
            sendSequence = seq + 1;
            return concat(header, mac);
        }
    }

    /** GSS_VerifyMIC: the token must be the 16-byte header and exactly one checksum. */
    public void verifyMic(byte[] data, byte[] token) throws GssException {
        int expected = HEADER_LENGTH + checksum.outputSize();
        if (token == null || token.length < HEADER_LENGTH) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    "MIC token is " + (token == null ? 0 : token.length) + " bytes, shorter than its 16-byte header");
        }
        int tokenId = u16(token, 0);
        if (tokenId != TOK_MIC) {
            throw new GssException(GssError.WRONG_TOKEN_ID, String.format("expected 04 04, got %04x", tokenId));
        }
        if (token.length != expected) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    "MIC token is " + token.length + " bytes, " + expected + " expected");
        }
        checkFlags(token[2] & 0xff);
        for (int i = 3; i < 8; i++) {
            if ((token[i] & 0xff) != 0xff) {
                throw new GssException(GssError.BAD_FILLER, "MIC filler byte " + i + " is not 0xFF");
            }
        }
        long seq = ByteBuffer.wrap(token, 8, 8).getLong();
        verifyChecksum(concat(data, Arrays.copyOf(token, HEADER_LENGTH)),
                Arrays.copyOfRange(token, HEADER_LENGTH, token.length), signUsage(peer()), "MIC");
        acceptSequence(seq);
    }

    private void verifyChecksum(byte[] signed, byte[] received, int usage, String what) throws GssException {
        byte[] computed;
        try {
            computed = checksum.checksumWithKey(signed, key, usage);
        } catch (KrbException e) {
            throw new GssException(GssError.CRYPTO_FAILURE, what + " checksum", e);
        }
        if (!MessageDigest.isEqual(computed, received)) {
            throw new GssException(GssError.BAD_INTEGRITY, what + " checksum does not verify");
        }
    }

    private void acceptSequence(long seq) throws GssException {
        synchronized (receiveLock) {
            if (seq != receiveSequence) {
                throw new GssException(GssError.OUT_OF_SEQUENCE, "expected " + Long.toUnsignedString(receiveSequence)
                        + ", got " + Long.toUnsignedString(seq));
            }
            receiveSequence = seq + 1;
        }
    }

    private void checkFlags(int flags) throws GssException {
        boolean fromAcceptor = (flags & FLAG_SENT_BY_ACCEPTOR) != 0;
        if (fromAcceptor != (peer() == Role.ACCEPTOR)) {
            throw new GssException(GssError.WRONG_DIRECTION,
                    fromAcceptor ? "token claims to come from the acceptor" : "token claims to come from the initiator");
        }
        if (((flags & FLAG_ACCEPTOR_SUBKEY) != 0) != acceptorSubkey) {
            throw new GssException(GssError.WRONG_SUBKEY_FLAG, acceptorSubkey
                    ? "the acceptor asserted a subkey but the token does not use it"
                    : "the token claims an acceptor subkey that was never asserted");
        }
    }

    private int sendFlags() {
        return (role == Role.ACCEPTOR ? FLAG_SENT_BY_ACCEPTOR : 0) | (acceptorSubkey ? FLAG_ACCEPTOR_SUBKEY : 0);
    }

    private Role peer() {
        return role == Role.INITIATOR ? Role.ACCEPTOR : Role.INITIATOR;
    }

    private static int sealUsage(Role sender) {
        return sender == Role.INITIATOR ? KU_INITIATOR_SEAL : KU_ACCEPTOR_SEAL;
    }

    private static int signUsage(Role sender) {
        return sender == Role.INITIATOR ? KU_INITIATOR_SIGN : KU_ACCEPTOR_SIGN;
    }

    /** The 16-byte Wrap token header of RFC 4121 4.2.6.2. */
    static byte[] wrapHeader(int flags, int ec, int rrc, long seq) {
        return ByteBuffer.allocate(HEADER_LENGTH).putShort((short) TOK_WRAP).put((byte) flags).put((byte) 0xff)
                .putShort((short) ec).putShort((short) rrc).putLong(seq).array();
    }

    /** The 16-byte MIC token header of RFC 4121 4.2.6.1. */
    static byte[] micHeader(int flags, long seq) {
        return ByteBuffer.allocate(HEADER_LENGTH).putShort((short) TOK_MIC).put((byte) flags)
                .put(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}).putLong(seq)
                .array();
    }

    /** Undoes the sender's right rotation by RRC of everything after the header (RFC 4121 4.2.5). */
    private static byte[] rotateLeft(byte[] token, int from, int rrc) {
        int n = token.length - from;
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        int r = rrc % n;
        System.arraycopy(token, from + r, out, 0, n - r);
        System.arraycopy(token, from, out, n - r, r);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
