package org.bossa.smb2.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian reads over one SMB2 message. Offsets are absolute within the message
 * (0 = first byte of the SMB2 header), as MS-SMB2 measures every Offset field. Every read checks its
 * range first and fails with a {@link WireFormatException}, so no decoder slices an unchecked length.
 */
public final class WireReader {
    private final byte[] buf;
    private final int base;
    private final int length;

    /** A view of {@code length} bytes of {@code buf} starting at {@code base}. */
    public WireReader(byte[] buf, int base, int length) {
        if (base < 0 || length < 0 || base > buf.length - length) {
            throw new IllegalArgumentException("view outside buffer");
        }
        this.buf = buf;
        this.base = base;
        this.length = length;
    }

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public int length() {
        return length;
    }

    /** Throws unless [offset, offset+len) lies inside the message. */
    public void require(long offset, long len, String what) {
        if (offset < 0 || len < 0 || offset + len > length) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER,
                    what + ": range " + offset + "+" + len + " outside message of " + length + " bytes");
        }
    }

    public int u8(int off) {
        require(off, 1, "u8");
        return buf[base + off] & 0xFF;
    }

    public int u16(int off) {
        require(off, 2, "u16");
        int p = base + off;
        return (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
    }

    /** Unsigned 32-bit value in an int; callers compare lengths with {@link Integer#toUnsignedLong}. */
    public int u32(int off) {
        require(off, 4, "u32");
        int p = base + off;
        return (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8 | (buf[p + 2] & 0xFF) << 16 | (buf[p + 3] & 0xFF) << 24;
    }

    public long u64(int off) {
        return (u32(off) & 0xFFFFFFFFL) | ((long) u32(off + 4)) << 32;
    }

    public byte[] bytes(long off, long len) {
        require(off, len, "bytes");
        byte[] out = new byte[(int) len];
        System.arraycopy(buf, base + (int) off, out, 0, (int) len);
        return out;
    }

    /** A read-only view without copying, for bulk payloads (WRITE data). */
    public ByteBuffer slice(long off, long len) {
        require(off, len, "slice");
        return ByteBuffer.wrap(buf, base + (int) off, (int) len).slice().asReadOnlyBuffer();
    }

    /** The underlying array and absolute start of the range, for zero-copy consumers; range checked. */
    public int absolute(long off, long len) {
        require(off, len, "range");
        return base + (int) off;
    }

    public byte[] array() {
        return buf;
    }

    /**
     * Strict UTF-16LE: an odd length or an unpaired surrogate fails with {@code onInvalid}
     * (OBJECT_NAME_INVALID for names, INVALID_PARAMETER elsewhere).
     */
    public String utf16(long off, long len, NtStatus onInvalid) {
        require(off, len, "utf16");
        if ((len & 1) != 0) {
            throw new WireFormatException(onInvalid, "odd UTF-16 length " + len);
        }
        CharsetDecoder dec = StandardCharsets.UTF_16LE.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(buf, base + (int) off, (int) len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(onInvalid, "invalid UTF-16");
        }
    }

    public String utf16(long off, long len) {
        return utf16(off, len, NtStatus.INVALID_PARAMETER);
    }

    /** A 16-byte GUID or file id, copied. */
    public byte[] guid(int off) {
        return bytes(off, 16);
    }

    /**
     * Checks a request's fixed StructureSize (the 2 bytes after the 64-byte header).
     * MS-SMB2 3.3.5.2.6: a mismatch is STATUS_INVALID_PARAMETER.
     */
    public void structureSize(int expected) {
        int actual = u16(Smb2Header.SIZE);
        if (actual != expected) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER,
                    "StructureSize " + actual + ", expected " + expected);
        }
    }

    /**
     * Validates an (offset, length) pair that a request body gives for a variable buffer and returns the
     * offset. A zero length is valid with any offset (clients send offset 0 or a point past the fixed part).
     */
    public int buffer(int offset, long len, String what) {
        if (len == 0) {
            return offset;
        }
        require(offset, len, what);
        return offset;
    }
}
