package org.bossa.smb2.wire;

/**
 * SMB2 Lease Break Notification (MS-SMB2 2.2.23.2), sent as an OPLOCK_BREAK with MessageId 0xFFFFFFFFFFFFFFFF.
 *
 * @param newEpoch NewEpoch (2 bytes): lease v2 epoch, 0 for v1 leases
 * @param flags Flags (4 bytes): {@link #FLAG_ACK_REQUIRED}
 * @param leaseKey LeaseKey (16 bytes)
 * @param currentLeaseState CurrentLeaseState (4 bytes), see {@link LeaseState}
 * @param newLeaseState NewLeaseState (4 bytes)
 */
public record LeaseBreakNotification(int newEpoch, int flags, LeaseKey leaseKey, int currentLeaseState,
                                     int newLeaseState) {
    public static final int STRUCTURE_SIZE = 44;
    /** SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED: the client must acknowledge the break. */
    public static final int FLAG_ACK_REQUIRED = 0x01;

    public void encode(WireWriter w) {
        // StructureSize (2), NewEpoch (2), Flags (4), LeaseKey (16), CurrentLeaseState (4), NewLeaseState (4),
        // BreakReason (4), AccessMaskHint (4), ShareMaskHint (4): the last three reserved, zero
        w.u16(STRUCTURE_SIZE).u16(newEpoch).u32(flags);
        leaseKey.encode(w);
        w.u32(currentLeaseState).u32(newLeaseState).u32(0).u32(0).u32(0);
    }
}
