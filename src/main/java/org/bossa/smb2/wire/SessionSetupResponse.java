package org.bossa.smb2.wire;

/**
 * SMB2 SESSION_SETUP Response (MS-SMB2 2.2.6).
 *
 * @param sessionFlags SessionFlags (2): IS_GUEST 0x1, IS_NULL 0x2, ENCRYPT_DATA 0x4
 * @param securityBuffer the GSS token for the client
 */
public record SessionSetupResponse(int sessionFlags, byte[] securityBuffer) {
    public static final int STRUCTURE_SIZE = 9;
    public static final int IS_GUEST = 0x0001;
    public static final int IS_NULL = 0x0002;
    public static final int ENCRYPT_DATA = 0x0004;

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(sessionFlags);
        w.u16(securityBuffer.length == 0 ? 0 : Smb2Header.SIZE + 8).u16(securityBuffer.length).bytes(securityBuffer);
    }

    public static SessionSetupResponse decode(WireReader r) {
        r.structureSize(STRUCTURE_SIZE);
        int b = Smb2Header.SIZE;
        int off = r.u16(b + 4);
        int len = r.u16(b + 6);
        r.buffer(off, len, "SecurityBuffer");
        return new SessionSetupResponse(r.u16(b + 2), len == 0 ? new byte[0] : r.bytes(off, len));
    }
}
