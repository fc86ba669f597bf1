package org.bossa.smb2.wire;

/**
 * SMB2 IOCTL Request (MS-SMB2 2.2.31). Input and output buffers are copied out of the message. Checks against
 * Connection.MaxTransactSize and of Flags (3.3.5.15) are the handler's.
 *
 * @param ctlCode CtlCode (4 bytes), see {@link Fsctl}
 * @param fileId FileId (16 bytes); all ones for controls that name no file
 * @param input InputOffset (4 bytes) / InputCount (4 bytes): the input buffer
 * @param maxInputResponse MaxInputResponse (4 bytes): most input bytes the server may return
 * @param output OutputOffset (4 bytes) / OutputCount (4 bytes): an output buffer sent by the client (rare)
 * @param maxOutputResponse MaxOutputResponse (4 bytes): most output bytes the server may return
 * @param flags Flags (4 bytes): {@link #FLAG_IS_FSCTL} or 0 (an IOCTL)
 */
public record IoctlRequest(int ctlCode, FileId fileId, byte[] input, int maxInputResponse, byte[] output,
                           int maxOutputResponse, int flags) {
    public static final int STRUCTURE_SIZE = 57;
    /** SMB2_0_IOCTL_IS_FSCTL. */
    public static final int FLAG_IS_FSCTL = 0x00000001;
    /** Offset of the Buffer field (0x78). */
    public static final int BUFFER_OFFSET = Body.START + 56;

    /** An FSCTL with an input buffer and no client output buffer. */
    public static IoctlRequest fsctl(int ctlCode, FileId fileId, byte[] input, int maxOutputResponse) {
        return new IoctlRequest(ctlCode, fileId, input, 0, new byte[0], maxOutputResponse, FLAG_IS_FSCTL);
    }

    public boolean isFsctl() {
        return (flags & FLAG_IS_FSCTL) != 0;
    }

    public long maxOutputResponseUnsigned() {
        return Integer.toUnsignedLong(maxOutputResponse);
    }

    public static IoctlRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), Reserved (2), CtlCode (4), FileId (16), InputOffset (4), InputCount (4),
        // MaxInputResponse (4), OutputOffset (4), OutputCount (4), MaxOutputResponse (4), Flags (4),
        // Reserved2 (4), Buffer
        long inOffset = Body.unsigned(r.u32(b + 24));
        long inCount = Body.unsigned(r.u32(b + 28));
        long outOffset = Body.unsigned(r.u32(b + 36));
        long outCount = Body.unsigned(r.u32(b + 40));
        int in = Body.buffer(r, inOffset, inCount, BUFFER_OFFSET, "IOCTL input");
        int out = Body.buffer(r, outOffset, outCount, BUFFER_OFFSET, "IOCTL output");
        byte[] input = inCount == 0 ? new byte[0] : r.bytes(in, inCount);
        byte[] output = outCount == 0 ? new byte[0] : r.bytes(out, outCount);
        return new IoctlRequest(r.u32(b + 4), FileId.decode(r, b + 8), input, r.u32(b + 32), output,
                r.u32(b + 44), r.u32(b + 48));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0).u32(ctlCode);
        fileId.encode(w);
        int inOffsetAt = w.reserve(4);
        w.u32(input.length).u32(maxInputResponse);
        int outOffsetAt = w.reserve(4);
        w.u32(output.length).u32(maxOutputResponse).u32(flags).u32(0);
        int at = w.position();
        w.putU32(inOffsetAt, at);
        w.bytes(input);
        if (output.length > 0) {
            w.align(8);
            w.putU32(outOffsetAt, w.position());
            w.bytes(output);
        } else {
            w.putU32(outOffsetAt, at);
        }
        Body.padIfEmpty(w, input.length + output.length);
    }
}
