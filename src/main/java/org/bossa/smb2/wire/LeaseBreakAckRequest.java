package org.bossa.smb2.wire;

/**
 * SMB2 Lease Break Acknowledgment (MS-SMB2 2.2.24.2), an OPLOCK_BREAK request with StructureSize 36.
 *
 * @param flags Flags (4 bytes): reserved, 0
 * @param leaseKey LeaseKey (16 bytes)
 * @param leaseState LeaseState (4 bytes): the state the client accepts, see {@link LeaseState}
 * @param leaseDuration LeaseDuration (8 bytes): reserved, 0
 */
public record LeaseBreakAckRequest(int flags, LeaseKey leaseKey, int leaseState, long leaseDuration) {
    public static final int STRUCTURE_SIZE = 36;

    public static LeaseBreakAckRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), Reserved (2), Flags (4), LeaseKey (16), LeaseState (4), LeaseDuration (8)
        return new LeaseBreakAckRequest(r.u32(b + 4), LeaseKey.decode(r, b + 8), r.u32(b + 24), r.u64(b + 28));
    }

    public void encode(WireWriter w) {
        write(w, flags, leaseKey, leaseState, leaseDuration);
    }

    static void write(WireWriter w, int flags, LeaseKey key, int state, long duration) {
        w.u16(STRUCTURE_SIZE).u16(0).u32(flags);
        key.encode(w);
        w.u32(state).u64(duration);
    }
}
