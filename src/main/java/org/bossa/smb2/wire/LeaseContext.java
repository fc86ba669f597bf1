package org.bossa.smb2.wire;

/**
 * The data of an "RqLs" create context: SMB2_CREATE_REQUEST_LEASE (MS-SMB2 2.2.13.2.8, 32 bytes) or
 * SMB2_CREATE_REQUEST_LEASE_V2 (2.2.13.2.10, 52 bytes), and the matching responses (2.2.14.2.10, 2.2.14.2.11),
 * which share the layouts. The version follows from the data length.
 *
 * @param v2 true for the 52-byte version 2 layout
 * @param leaseKey LeaseKey (16 bytes)
 * @param leaseState LeaseState (4 bytes), see {@link LeaseState}
 * @param leaseFlags LeaseFlags (4 bytes): FLAG_ constants
 * @param parentLeaseKey ParentLeaseKey (16 bytes, v2 only; null in v1)
 * @param epoch Epoch (2 bytes, v2 only; 0 in v1)
 */
public record LeaseContext(boolean v2, LeaseKey leaseKey, int leaseState, int leaseFlags, LeaseKey parentLeaseKey,
                           int epoch) {
    public static final int V1_SIZE = 32;
    public static final int V2_SIZE = 52;
    /** SMB2_LEASE_FLAG_BREAK_IN_PROGRESS (responses). */
    public static final int FLAG_BREAK_IN_PROGRESS = 0x00000002;
    /** SMB2_LEASE_FLAG_PARENT_LEASE_KEY_SET (v2). */
    public static final int FLAG_PARENT_LEASE_KEY_SET = 0x00000004;

    /** Decodes RqLs data; a length other than 32 or 52 is STATUS_INVALID_PARAMETER. */
    public static LeaseContext decode(CreateContext c) {
        WireReader r = new WireReader(c.data());
        if (r.length() == V1_SIZE) {
            // LeaseKey (16), LeaseState (4), LeaseFlags (4), LeaseDuration (8)
            return new LeaseContext(false, LeaseKey.decode(r, 0), r.u32(16), r.u32(20), null, 0);
        }
        if (r.length() == V2_SIZE) {
            // ... then ParentLeaseKey (16), Epoch (2), Reserved (2)
            return new LeaseContext(true, LeaseKey.decode(r, 0), r.u32(16), r.u32(20), LeaseKey.decode(r, 32),
                    r.u16(48));
        }
        throw new WireFormatException(NtStatus.INVALID_PARAMETER, "RqLs data of " + r.length() + " bytes");
    }

    /** The same lease with another state, flags and epoch: the server's answer. */
    public LeaseContext granted(int state, int flags, int newEpoch) {
        return new LeaseContext(v2, leaseKey, state, flags, parentLeaseKey, v2 ? newEpoch : 0);
    }

    public CreateContext toContext() {
        WireWriter w = new WireWriter(V2_SIZE);
        leaseKey.encode(w);
        w.u32(leaseState).u32(leaseFlags).u64(0);
        if (v2) {
            (parentLeaseKey == null ? new LeaseKey(0, 0) : parentLeaseKey).encode(w);
            w.u16(epoch).u16(0);
        }
        return new CreateContext(CreateContexts.REQUEST_LEASE, w.toByteArray());
    }
}
