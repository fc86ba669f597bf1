package org.bossa.smb2.wire;

/**
 * A 16-byte lease key (MS-SMB2 2.2.13.2.8, a client-chosen GUID), held as two little-endian halves so it can
 * serve as a map key.
 *
 * @param low bytes 0-7 of the key
 * @param high bytes 8-15 of the key
 */
public record LeaseKey(long low, long high) {
    public static final int SIZE = 16;

    public static LeaseKey decode(WireReader r, int offset) {
        r.require(offset, SIZE, "LeaseKey");
        return new LeaseKey(r.u64(offset), r.u64(offset + 8));
    }

    public void encode(WireWriter w) {
        w.u64(low).u64(high);
    }

    @Override
    public String toString() {
        return String.format("LeaseKey[%016x%016x]", Long.reverseBytes(low), Long.reverseBytes(high));
    }
}
