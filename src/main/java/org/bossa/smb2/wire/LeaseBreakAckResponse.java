package org.bossa.smb2.wire;

/**
 * SMB2 Lease Break Response (MS-SMB2 2.2.25.2), the server's answer to a lease break acknowledgment.
 *
 * @param leaseKey LeaseKey (16 bytes)
 * @param leaseState LeaseState (4 bytes): the state granted
 */
public record LeaseBreakAckResponse(LeaseKey leaseKey, int leaseState) {
    public static final int STRUCTURE_SIZE = 36;

    public void encode(WireWriter w) {
        // StructureSize (2), Reserved (2), Flags (4) = 0, LeaseKey (16), LeaseState (4), LeaseDuration (8) = 0
        LeaseBreakAckRequest.write(w, 0, leaseKey, leaseState, 0);
    }
}
