package org.bossa.rpc.netlogon.schannel;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import org.bossa.rpc.netlogon.crypto.NetlogonAes;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;

/**
 * Per-message protection of the Netlogon SSP with AES (MS-NRPC 3.3.4.2.1 generating, 3.3.4.2.2
 * receiving a Netlogon signature token), for one side of one security context.
 *
 * <p><b>What is signed and sealed.</b> The data is the PDU's stub with its auth padding. Without
 * header signing the checksum covers only that; when the bind negotiated header signing
 * (PFC_SUPPORT_HEADER_SIGN echoed in the bind_ack) it covers the whole PDU up to the signature:
 * header (with final frag_length and auth_length), stub, padding and sec_trailer. Sealing always
 * encrypts the stub and padding only. This is Samba's dcerpc_ncacn_push_pkt_auth with
 * netsec_outgoing_packet: the checksum is computed over the plaintext before sealing, and on receipt
 * after unsealing.
 *
 * <p><b>Sequence numbers.</b> One 64-bit counter per context counts every protected PDU in both
 * directions (a request and its response use consecutive numbers), as Samba's schannel state keeps
 * it. On the wire the low 32 bits come first, big-endian, then the high 32 bits, big-endian, with
 * the top bit (0x80 in the fifth byte) set when the client sent the PDU.
 *
 * <p>Not thread-safe by itself: {@link NetlogonSsp} serialises calls. A failed check leaves the
 * counter where it was; the caller drops the connection.
 */
final class NetlogonMessageProtection {

    /** Which end of the channel this is: it decides the direction bit sent and expected. */
    enum Role { CLIENT, SERVER }

    /**
     * AES-CFB8 under the session key (sequence numbers) and under the sealing key, and HMAC-SHA256
     * under the session key: keyed once per context rather than per message; dropped by {@link #destroy()}.
     */
    private NetlogonAes.Cfb8 sequenceCipher;
    private NetlogonAes.Cfb8 sealCipher;
    private Mac mac;
    private final Role role;
    private final boolean sealing;
    private final SecureRandom random;
    private boolean headerSigning;
    private long sequence;

    /**
     * @param sessionKey the 16-byte session key (not kept)
     * @param role the end this object protects for
     * @param sealing PKT_PRIVACY (confidentiality) rather than PKT_INTEGRITY
     * @param random the source of confounders
     */
    NetlogonMessageProtection(byte[] sessionKey, Role role, boolean sealing, SecureRandom random) {
        if (sessionKey.length != NetlogonAes.KEY_SIZE) {
            throw new IllegalArgumentException("the Netlogon session key is 16 bytes");
        }
        // 3.3.4.2.1 step 8: the sealing key is the session key with each byte XORed with 0xF0
        byte[] sealingKey = new byte[NetlogonAes.KEY_SIZE];
        for (int i = 0; i < sealingKey.length; i++) {
            sealingKey[i] = (byte) (sessionKey[i] ^ 0xF0);
        }
        this.sequenceCipher = new NetlogonAes.Cfb8(sessionKey);
        this.sealCipher = new NetlogonAes.Cfb8(sealingKey);
        this.mac = NetlogonAes.mac(sessionKey);
        NetlogonAes.wipe(sealingKey);
        this.role = role;
        this.sealing = sealing;
        this.random = random;
    }

    void headerSigning(boolean on) {
        this.headerSigning = on;
    }

    boolean headerSigning() {
        return headerSigning;
    }

    boolean sealing() {
        return sealing;
    }

    /** The next sequence number this context will send or expect. */
    long sequence() {
        return sequence;
    }

    /**
     * Signs (and, when sealing, encrypts in place) an outgoing PDU; returns the 56-byte signature.
     *
     * @throws NetlogonCryptoException {@code BAD_LENGTH} if the offsets do not fit the PDU
     */
    byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset) throws NetlogonCryptoException {
        requireKeys();
        checkLayout(pdu, stubOffset, stubLength, signatureOffset, NetlogonSignature.SIZE);
        byte[] sequenceNumber = sequenceBytes(sequence, role == Role.CLIENT);
        byte[] header = NetlogonSignature.header(sealing);
        byte[] confounder = null;
        if (sealing) {
            confounder = new byte[NetlogonSignature.CONFOUNDER_LENGTH];
            random.nextBytes(confounder);
        }
        byte[] checksum = checksum(header, confounder, pdu, stubOffset, stubLength, signatureOffset);
        if (sealing) {
            sealCipher.twoRanges(true, NetlogonAes.doubledIv(sequenceNumber, 0), confounder, 0, confounder.length,
                    pdu, stubOffset, stubLength);
        }
        // 3.3.4.2.1 step 7: the sequence number is encrypted under the session key, IV = checksum twice
        sequenceCipher.run(true, NetlogonAes.doubledIv(checksum, 0), sequenceNumber, 0, sequenceNumber.length);

        byte[] signature = new byte[NetlogonSignature.SIZE];
        System.arraycopy(header, 0, signature, 0, header.length);
        System.arraycopy(sequenceNumber, 0, signature, NetlogonSignature.SEQUENCE_OFFSET, sequenceNumber.length);
        System.arraycopy(checksum, 0, signature, NetlogonSignature.CHECKSUM_OFFSET, NetlogonSignature.CHECKSUM_LENGTH);
        if (confounder != null) {
            System.arraycopy(confounder, 0, signature, NetlogonSignature.CONFOUNDER_OFFSET, confounder.length);
        }
        sequence++;
        return signature;
    }

    /**
     * Verifies (and, when sealing, decrypts in place) an incoming PDU whose signature sits at
     * {@code signatureOffset}. Checks in the order of 3.3.4.2.2: the algorithm fields, the sequence
     * number, then (after unsealing) the checksum; comparisons run in constant time.
     *
     * @throws NetlogonCryptoException {@code BAD_LENGTH}, {@code BAD_SIGNATURE_HEADER}, {@code
     *     SEQUENCE_MISMATCH} or {@code CHECKSUM_MISMATCH}
     */
    void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, int signatureLength)
            throws NetlogonCryptoException {
        requireKeys();
        int minimum = sealing ? NetlogonSignature.MIN_SEALED_SIZE : NetlogonSignature.MIN_SIGNED_SIZE;
        if (signatureLength < minimum) {
            throw new NetlogonCryptoException(Reason.BAD_LENGTH,
                    "Netlogon signature of " + signatureLength + " bytes, at least " + minimum + " needed");
        }
        checkLayout(pdu, stubOffset, stubLength, signatureOffset, signatureLength);
        int s = signatureOffset;
        int seal = u16(pdu, s + 2);
        if (u16(pdu, s) != NetlogonSignature.SIGN_HMAC_SHA256
                || seal != (sealing ? NetlogonSignature.SEAL_AES128 : NetlogonSignature.SEAL_NONE)
                || u16(pdu, s + 4) != NetlogonSignature.PAD) {
            // Flags (bytes 6-7) are disregarded, as 3.3.4.2.2 says; they are still covered by the checksum
            throw new NetlogonCryptoException(Reason.BAD_SIGNATURE_HEADER, String.format(
                    "signature algorithm 0x%04x, seal 0x%04x, pad 0x%04x", u16(pdu, s), seal, u16(pdu, s + 4)));
        }
        byte[] header = Arrays.copyOfRange(pdu, s, s + NetlogonSignature.HEADER_LENGTH);
        byte[] wireChecksum = Arrays.copyOfRange(pdu, s + NetlogonSignature.CHECKSUM_OFFSET,
                s + NetlogonSignature.CHECKSUM_OFFSET + NetlogonSignature.CHECKSUM_LENGTH);

        byte[] received = Arrays.copyOfRange(pdu, s + NetlogonSignature.SEQUENCE_OFFSET,
                s + NetlogonSignature.SEQUENCE_OFFSET + 8);
        sequenceCipher.run(false, NetlogonAes.doubledIv(wireChecksum, 0), received, 0, received.length);
        byte[] expected = sequenceBytes(sequence, role == Role.SERVER);
        if (!MessageDigest.isEqual(received, expected)) {
            throw new NetlogonCryptoException(Reason.SEQUENCE_MISMATCH,
                    "the PDU is not the next one from the " + (role == Role.CLIENT ? "server" : "client"));
        }

        byte[] confounder = null;
        if (sealing) {
            confounder = Arrays.copyOfRange(pdu, s + NetlogonSignature.CONFOUNDER_OFFSET,
                    s + NetlogonSignature.CONFOUNDER_OFFSET + NetlogonSignature.CONFOUNDER_LENGTH);
            sealCipher.twoRanges(false, NetlogonAes.doubledIv(expected, 0), confounder, 0, confounder.length,
                    pdu, stubOffset, stubLength);
        }
        byte[] checksum = checksum(header, confounder, pdu, stubOffset, stubLength, signatureOffset);
        if (!MessageDigest.isEqual(checksum, wireChecksum)) {
            throw new NetlogonCryptoException(Reason.CHECKSUM_MISMATCH, "the PDU was altered or the key differs");
        }
        sequence++;
    }

    /** Drops the keyed ciphers; protecting or unprotecting afterwards fails with IllegalStateException. */
    void destroy() {
        sequenceCipher = null;
        sealCipher = null;
        mac = null;
    }

    private void requireKeys() {
        if (mac == null) {
            throw new IllegalStateException("the Netlogon security context was destroyed");
        }
    }

    /**
     * 3.3.4.2.1 step 6: the first 8 bytes of HMAC-SHA256 under the session key over the signature's
     * first 8 bytes, the plaintext confounder when sealing, and the signed data.
     */
    private byte[] checksum(byte[] header, byte[] confounder, byte[] pdu, int stubOffset, int stubLength,
            int signatureOffset) {
        mac.reset(); // in case an earlier message failed halfway
        mac.update(header);
        if (confounder != null) {
            mac.update(confounder);
        }
        if (headerSigning) {
            mac.update(pdu, 0, signatureOffset);
        } else {
            mac.update(pdu, stubOffset, stubLength);
        }
        return Arrays.copyOf(mac.doFinal(), NetlogonSignature.CHECKSUM_LENGTH);
    }

    /** The 8 plaintext bytes of sequence number {@code n}, with the client's direction bit if {@code fromClient}. */
    static byte[] sequenceBytes(long n, boolean fromClient) {
        int low = (int) n;
        int high = (int) (n >>> 32);
        if (fromClient) {
            high |= 0x80000000;
        }
        return new byte[] {
            (byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low,
            (byte) (high >>> 24), (byte) (high >>> 16), (byte) (high >>> 8), (byte) high
        };
    }

    /** 0 <= stubOffset <= stubOffset+stubLength <= signatureOffset <= signatureOffset+signatureLength <= pdu.length. */
    private static void checkLayout(byte[] pdu, int stubOffset, int stubLength, int signatureOffset,
            int signatureLength) throws NetlogonCryptoException {
        if (pdu == null || stubOffset < 0 || stubLength < 0 || signatureOffset < 0 || signatureLength < 0
                || stubOffset > pdu.length || stubLength > signatureOffset - stubOffset
                || signatureOffset > pdu.length || signatureLength > pdu.length - signatureOffset) {
            throw new NetlogonCryptoException(Reason.BAD_LENGTH, "stub at " + stubOffset + "+" + stubLength
                    + ", signature at " + signatureOffset + "+" + signatureLength + " do not fit a PDU of "
                    + (pdu == null ? "no" : pdu.length) + " bytes");
        }
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }
}
