package org.bossa.smb2.wire;

/**
 * Shared checks for request bodies (package-private). Every request body starts at
 * {@link Smb2Header#SIZE}; every Offset field counts from the header start.
 */
final class Body {
    /** First byte of a request or response body. */
    static final int START = Smb2Header.SIZE;

    private Body() {
    }

    /**
     * Checks StructureSize and that the fixed part is present. An odd StructureSize counts the first byte
     * of the variable Buffer, which may be absent when every length is zero (MS-SMB2 3.3.5.2.6).
     */
    static void fixed(WireReader r, int structureSize) {
        r.structureSize(structureSize);
        r.require(START, structureSize & ~1, "fixed part of the request");
    }

    /**
     * Validates a variable buffer given by (offset, length): when the length is not zero it must not start
     * before {@code minOffset} (the Buffer field) and must lie inside the message. Returns the offset.
     */
    static int buffer(WireReader r, int offset, long length, int minOffset, String what) {
        if (length == 0) {
            return offset;
        }
        if (offset < minOffset) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER,
                    what + ": offset " + offset + " before the buffer at " + minOffset);
        }
        r.require(offset, length, what);
        return offset;
    }

    /** {@link #buffer} for a 4-byte unsigned Offset field. */
    static int buffer(WireReader r, long offset, long length, int minOffset, String what) {
        if (length == 0) {
            return 0;
        }
        if (offset > Integer.MAX_VALUE) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, what + ": offset " + offset + " outside message");
        }
        return buffer(r, (int) offset, length, minOffset, what);
    }

    /** A copy of a validated buffer; empty when the length is zero. */
    static byte[] copy(WireReader r, int offset, long length, int minOffset, String what) {
        if (length == 0) {
            return new byte[0];
        }
        buffer(r, offset, length, minOffset, what);
        return r.bytes(offset, length);
    }

    static long unsigned(int v) {
        return Integer.toUnsignedLong(v);
    }

    /** Writes a zero pad byte when a response with an odd StructureSize carries an empty Buffer. */
    static void padIfEmpty(WireWriter w, int length) {
        if (length == 0) {
            w.u8(0);
        }
    }

    /**
     * The response layout shared by QUERY_DIRECTORY (2.2.34), CHANGE_NOTIFY (2.2.36) and QUERY_INFO (2.2.38):
     * StructureSize (2) = 9, OutputBufferOffset (2), OutputBufferLength (4), Buffer at 0x48.
     */
    static void outputBuffer(WireWriter w, byte[] b, int off, int len) {
        int at = w.position() + 8;
        w.u16(9).u16(at).u32(len).bytes(b, off, len);
        padIfEmpty(w, len);
    }
}
