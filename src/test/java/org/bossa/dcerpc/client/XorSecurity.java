package org.bossa.dcerpc.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import org.bossa.dcerpc.AuthVerifier;

/**
 * A toy security provider with the shape of the Netlogon SSP, for both ends of a test: sealing
 * XORs the stub region, the 16-byte signature is a direction, a sequence number and a CRC-32 of the
 * signed region (the stub and padding, or with header signing everything before the signature).
 * A tampered byte, a replayed or reordered PDU, or a wrong offset makes {@link #unprotect} fail.
 */
class XorSecurity implements ClientSecurity {
    static final int SIGNATURE_SIZE = 16;
    static final byte[] BIND_TOKEN = {'h', 'e', 'l', 'l', 'o'};
    static final byte[] ACK_TOKEN = {'a', 'c', 'k'};

    private final int level;
    private final boolean initiator;
    private final boolean offerHeaderSigning;
    private boolean headerSigning;
    private long sendSeq;
    private long recvSeq;
    Optional<byte[]> auth3Token = Optional.empty();
    byte[] receivedAckToken;
    int protectCalls;

    XorSecurity(int level, boolean initiator, boolean offerHeaderSigning) {
        this.level = level;
        this.initiator = initiator;
        this.offerHeaderSigning = offerHeaderSigning;
    }

    /** The server's twin: same key, the other direction. */
    XorSecurity peer() {
        XorSecurity s = new XorSecurity(level, !initiator, offerHeaderSigning);
        s.headerSigning = headerSigning;
        return s;
    }

    @Override
    public int authType() {
        return AuthVerifier.AUTH_TYPE_NETLOGON;
    }

    @Override
    public int authLevel() {
        return level;
    }

    @Override
    public byte[] bindToken() {
        return BIND_TOKEN.clone();
    }

    @Override
    public Optional<byte[]> acceptBindAck(byte[] authValue) throws ClientSecurityException {
        if (!Arrays.equals(authValue, ACK_TOKEN)) {
            throw new ClientSecurityException("unexpected bind_ack token");
        }
        receivedAckToken = authValue;
        return auth3Token;
    }

    @Override
    public boolean supportsHeaderSigning() {
        return offerHeaderSigning;
    }

    @Override
    public void headerSigningNegotiated(boolean agreed) {
        headerSigning = agreed;
    }

    boolean headerSigning() {
        return headerSigning;
    }

    @Override
    public int signatureSize() {
        return SIGNATURE_SIZE;
    }

    @Override
    public byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset) {
        protectCalls++;
        if (level == AuthVerifier.AUTH_LEVEL_PRIVACY) {
            xor(pdu, stubOffset, stubLength);
        }
        return signature(pdu, stubOffset, stubLength, signatureOffset, initiator, sendSeq++);
    }

    @Override
    public void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, int signatureLength)
            throws ClientSecurityException {
        if (signatureLength != SIGNATURE_SIZE || signatureOffset + signatureLength != pdu.length) {
            throw new ClientSecurityException("signature of " + signatureLength + " bytes at " + signatureOffset);
        }
        byte[] expected = signature(pdu, stubOffset, stubLength, signatureOffset, !initiator, recvSeq++);
        if (!Arrays.equals(expected, Arrays.copyOfRange(pdu, signatureOffset, pdu.length))) {
            throw new ClientSecurityException("bad signature");
        }
        if (level == AuthVerifier.AUTH_LEVEL_PRIVACY) {
            xor(pdu, stubOffset, stubLength);
        }
    }

    private byte[] signature(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, boolean fromInitiator,
                             long seq) {
        CRC32 crc = new CRC32();
        if (headerSigning) {
            crc.update(pdu, 0, signatureOffset);
        } else {
            crc.update(pdu, stubOffset, stubLength);
        }
        return ByteBuffer.allocate(SIGNATURE_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(fromInitiator ? 0x11111111 : 0x22222222).putLong(seq).putInt((int) crc.getValue()).array();
    }

    private static void xor(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            b[i] ^= 0x5A;
        }
    }
}
