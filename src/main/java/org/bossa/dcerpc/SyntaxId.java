package org.bossa.dcerpc;

import java.util.UUID;

/**
 * p_syntax_id_t (C706 12.6.3.1): an interface or transfer syntax UUID and version; on the wire the
 * version is one u32 with the major version in the low 16 bits and the minor in the high 16 bits.
 */
public record SyntaxId(UUID uuid, int versionMajor, int versionMinor) {
    public static final int WIRE_SIZE = 20;

    /** NDR 2.0 transfer syntax, 8a885d04-1ceb-11c9-9fe8-08002b104860 v2. */
    public static final SyntaxId NDR20 = new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);
    /** NDR64 transfer syntax (MS-RPCE 2.2.5), 71710533-beba-4937-8319-b5dbef9ccc36 v1. */
    public static final SyntaxId NDR64 = new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);
    /** All zeros: the transfer syntax of a rejected context or a negotiate_ack. */
    public static final SyntaxId NULL = new SyntaxId(new UUID(0, 0), 0, 0);

    /** First 8 bytes of the bind-time feature negotiation syntax 6cb71c2c-9812-4540-XXXX-000000000000 (MS-RPCE 3.3.1.5.3). */
    private static final long BIND_TIME_FEATURE_MSB = 0x6cb71c2c98124540L;

    public SyntaxId {
        if (uuid == null) {
            throw new IllegalArgumentException("uuid");
        }
    }

    public static SyntaxId decode(NdrReader r) {
        UUID u = r.uuid();
        int version = r.rawU32();
        return new SyntaxId(u, version & 0xFFFF, version >>> 16);
    }

    public void encode(NdrWriter w) {
        w.uuid(uuid);
        w.rawU32((versionMajor & 0xFFFF) | versionMinor << 16);
    }

    /** True for the bind-time feature negotiation pseudo transfer syntax. */
    public boolean isBindTimeFeatureNegotiation() {
        return uuid.getMostSignificantBits() == BIND_TIME_FEATURE_MSB
                && (uuid.getLeastSignificantBits() & 0x0000FFFFFFFFFFFFL) == 0;
    }

    /**
     * The feature bitmask carried in bytes 8 and 9 of a bind-time feature negotiation syntax (little-endian):
     * 0x01 security context multiplexing, 0x02 keep connection on orphan.
     */
    public int bindTimeFeatures() {
        long lsb = uuid.getLeastSignificantBits();
        return (int) ((lsb >>> 56) & 0xFF) | (int) ((lsb >>> 48) & 0xFF) << 8;
    }

    /** Syntax for the bind-time feature negotiation with the given bitmask. */
    public static SyntaxId bindTimeFeatureNegotiation(int features) {
        long lsb = (long) (features & 0xFF) << 56 | (long) ((features >>> 8) & 0xFF) << 48;
        return new SyntaxId(new UUID(BIND_TIME_FEATURE_MSB, lsb), 1, 0);
    }
}
