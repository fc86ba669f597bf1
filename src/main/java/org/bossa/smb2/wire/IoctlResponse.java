package org.bossa.smb2.wire;

/**
 * SMB2 IOCTL Response (MS-SMB2 2.2.32). The input buffer starts at 0x70, the output buffer at the next
 * 8-byte boundary after it. The arrays are written as given, not copied by the record.
 *
 * @param ctlCode CtlCode (4 bytes): as in the request
 * @param fileId FileId (16 bytes): as in the request
 * @param input InputOffset (4 bytes) / InputCount (4 bytes): usually empty
 * @param output OutputOffset (4 bytes) / OutputCount (4 bytes): the control's result
 * @param flags Flags (4 bytes): reserved, 0
 */
public record IoctlResponse(int ctlCode, FileId fileId, byte[] input, byte[] output, int flags) {
    public static final int STRUCTURE_SIZE = 49;
    /** Offset of the Buffer field (0x70). */
    public static final int BUFFER_OFFSET = Body.START + 48;

    /** The usual answer: no input echoed, {@code output} as the result. */
    public static IoctlResponse of(int ctlCode, FileId fileId, byte[] output) {
        return new IoctlResponse(ctlCode, fileId, new byte[0], output, 0);
    }

    public void encode(WireWriter w) {
        // StructureSize (2), Reserved (2), CtlCode (4), FileId (16), InputOffset (4), InputCount (4),
        // OutputOffset (4), OutputCount (4), Flags (4), Reserved2 (4), Buffer
        w.u16(STRUCTURE_SIZE).u16(0).u32(ctlCode);
        fileId.encode(w);
        int inOffsetAt = w.reserve(4);
        w.u32(input.length);
        int outOffsetAt = w.reserve(4);
        w.u32(output.length).u32(flags).u32(0);
        int at = w.position();
        w.putU32(inOffsetAt, at);
        w.bytes(input);
        if (output.length > 0) {
            w.align(8);
            w.putU32(outOffsetAt, w.position());
            w.bytes(output);
        } else {
            w.putU32(outOffsetAt, w.position());
        }
        Body.padIfEmpty(w, input.length + output.length);
    }
}
