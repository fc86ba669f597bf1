package org.bossa.smb2.wire;

/**
 * SMB2 SESSION_SETUP Request (MS-SMB2 2.2.5).
 *
 * @param flags Flags (1): SMB2_SESSION_FLAG_BINDING 0x01
 * @param securityMode SecurityMode (1)
 * @param capabilities Capabilities (4)
 * @param channel Channel (4), must be 0
 * @param securityBuffer the GSS token (SPNEGO)
 * @param previousSessionId PreviousSessionId (8)
 */
public record SessionSetupRequest(int flags, int securityMode, int capabilities, int channel,
                                  byte[] securityBuffer, long previousSessionId) {
    public static final int STRUCTURE_SIZE = 25;
    public static final int FLAG_BINDING = 0x01;

    public static SessionSetupRequest decode(WireReader r) {
        r.structureSize(STRUCTURE_SIZE);
        int b = Smb2Header.SIZE;
        int off = r.u16(b + 12);
        int len = r.u16(b + 14);
        r.buffer(off, len, "SecurityBuffer");
        return new SessionSetupRequest(r.u8(b + 2), r.u8(b + 3), r.u32(b + 4), r.u32(b + 8),
                len == 0 ? new byte[0] : r.bytes(off, len), r.u64(b + 16));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(flags).u8(securityMode).u32(capabilities).u32(channel);
        w.u16(Smb2Header.SIZE + 24).u16(securityBuffer.length).u64(previousSessionId).bytes(securityBuffer);
    }
}
