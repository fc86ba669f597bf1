package org.bossa.smb2.wire;

/**
 * One SMB2 NEGOTIATE_CONTEXT (MS-SMB2 2.2.3.1): ContextType (2), DataLength (2), Reserved (4), Data.
 * The typed views below decode the Data of the context types Bossa understands.
 */
public record NegotiateContext(int contextType, byte[] data) {
    public static final int PREAUTH_INTEGRITY_CAPABILITIES = 0x0001;
    public static final int ENCRYPTION_CAPABILITIES = 0x0002;
    public static final int COMPRESSION_CAPABILITIES = 0x0003;
    public static final int NETNAME_NEGOTIATE_CONTEXT_ID = 0x0005;
    public static final int TRANSPORT_CAPABILITIES = 0x0006;
    public static final int RDMA_TRANSFORM_CAPABILITIES = 0x0007;
    public static final int SIGNING_CAPABILITIES = 0x0008;

    /** HashAlgorithms value for SHA-512 (2.2.3.1.1). */
    public static final int HASH_SHA512 = 0x0001;

    /** The 2-byte ids listed by an ENCRYPTION, SIGNING or PREAUTH context (after its own count fields). */
    public int[] algorithmIds() {
        WireReader r = new WireReader(data);
        int count;
        int first;
        switch (contextType) {
            case PREAUTH_INTEGRITY_CAPABILITIES -> {
                count = r.u16(0);
                r.u16(2); // SaltLength: checked below by range
                first = 4;
                r.require(first, 2L * count + r.u16(2), "preauth context");
            }
            case COMPRESSION_CAPABILITIES -> {
                count = r.u16(0);
                first = 8;
            }
            default -> {
                count = r.u16(0);
                first = 2;
            }
        }
        if (count == 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "negotiate context lists no algorithm");
        }
        r.require(first, 2L * count, "negotiate context algorithms");
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = r.u16(first + 2 * i);
        }
        return ids;
    }

    /** Encodes a context carrying a count and a list of 2-byte ids (ENCRYPTION, SIGNING). */
    public static NegotiateContext ofIds(int type, int... ids) {
        WireWriter w = new WireWriter(2 + 2 * ids.length);
        w.u16(ids.length);
        for (int id : ids) {
            w.u16(id);
        }
        return new NegotiateContext(type, w.toByteArray());
    }

    /** The server's PREAUTH_INTEGRITY_CAPABILITIES: SHA-512 with the given salt. */
    public static NegotiateContext preauth(byte[] salt) {
        WireWriter w = new WireWriter(6 + salt.length);
        w.u16(1).u16(salt.length).u16(HASH_SHA512).bytes(salt);
        return new NegotiateContext(PREAUTH_INTEGRITY_CAPABILITIES, w.toByteArray());
    }

    /** COMPRESSION_CAPABILITIES answering "no compression" (CompressionAlgorithms = NONE). */
    public static NegotiateContext compressionNone() {
        WireWriter w = new WireWriter(10);
        w.u16(1).u16(0).u32(0).u16(0);
        return new NegotiateContext(COMPRESSION_CAPABILITIES, w.toByteArray());
    }
}
