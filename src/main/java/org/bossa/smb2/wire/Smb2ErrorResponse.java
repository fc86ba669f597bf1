package org.bossa.smb2.wire;

/**
 * SMB2 ERROR Response body (MS-SMB2 2.2.2): StructureSize 9, ErrorContextCount, Reserved, ByteCount,
 * ErrorData. A response with no error data still carries one zero byte (the "1" in StructureSize 9).
 */
public record Smb2ErrorResponse(byte[] errorData) {
    public static final Smb2ErrorResponse EMPTY = new Smb2ErrorResponse(new byte[0]);

    public void encode(WireWriter w) {
        w.u16(9).u8(0).u8(0).u32(errorData.length);
        if (errorData.length == 0) {
            w.u8(0);
        } else {
            w.bytes(errorData);
        }
    }
}
