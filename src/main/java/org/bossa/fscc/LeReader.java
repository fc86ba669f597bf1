package org.bossa.fscc;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian reads over one input buffer; every fault is an {@link FsccFormatException}. */
final class LeReader {
    private final byte[] buf;
    private final int length;
    private final FsccStatus shortStatus;

    /** {@code shortStatus}: the status for reads past the end (INFO_LENGTH_MISMATCH for SET_INFO buffers). */
    LeReader(byte[] buf, FsccStatus shortStatus) {
        if (buf == null) {
            throw new FsccFormatException(shortStatus, "no input buffer");
        }
        this.buf = buf;
        this.length = buf.length;
        this.shortStatus = shortStatus;
    }

    int length() {
        return length;
    }

    void require(long off, long len, String what) {
        if (off < 0 || len < 0 || off + len > length) {
            throw new FsccFormatException(shortStatus,
                    what + ": range " + off + "+" + len + " outside buffer of " + length + " bytes");
        }
    }

    int u8(int off) {
        require(off, 1, "u8");
        return buf[off] & 0xFF;
    }

    int u16(int off) {
        require(off, 2, "u16");
        return (buf[off] & 0xFF) | (buf[off + 1] & 0xFF) << 8;
    }

    int u32(int off) {
        require(off, 4, "u32");
        return (buf[off] & 0xFF) | (buf[off + 1] & 0xFF) << 8 | (buf[off + 2] & 0xFF) << 16
                | (buf[off + 3] & 0xFF) << 24;
    }

    long u64(int off) {
        require(off, 8, "u64");
        return (u32(off) & 0xFFFFFFFFL) | ((long) u32(off + 4)) << 32;
    }

    byte[] bytes(long off, long len) {
        require(off, len, "bytes");
        byte[] out = new byte[(int) len];
        System.arraycopy(buf, (int) off, out, 0, (int) len);
        return out;
    }

    /** Strict UTF-16LE (odd length or unpaired surrogate fails with OBJECT_NAME_INVALID). */
    String utf16(long off, long len) {
        require(off, len, "utf16");
        if ((len & 1) != 0) {
            throw new FsccFormatException(FsccStatus.OBJECT_NAME_INVALID, "odd UTF-16 length " + len);
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, (int) off, (int) len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new FsccFormatException(FsccStatus.OBJECT_NAME_INVALID, "invalid UTF-16 name");
        }
    }
}
