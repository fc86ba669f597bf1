package org.bossa.smb2.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable little-endian writer for one outgoing message. Positions are absolute in the message,
 * so Offset fields are written as {@code position()} values and patched later with the put methods.
 */
public final class WireWriter {
    private byte[] buf;
    private int pos;

    public WireWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    public WireWriter() {
        this(256);
    }

    public int position() {
        return pos;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        putU16(pos, v);
        pos += 2;
        return this;
    }

    public WireWriter u32(int v) {
        ensure(4);
        putU32(pos, v);
        pos += 4;
        return this;
    }

    public WireWriter u32(long v) {
        return u32((int) v);
    }

    public WireWriter u64(long v) {
        ensure(8);
        putU64(pos, v);
        pos += 8;
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Copies the remaining bytes of {@code src} without moving its position (bulk payloads: READ data). */
    public WireWriter bytes(ByteBuffer src) {
        int len = src.remaining();
        ensure(len);
        src.get(src.position(), buf, pos, len);
        pos += len;
        return this;
    }

    public WireWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
        return this;
    }

    /** UTF-16LE without terminator; returns the number of bytes written. */
    public int utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        bytes(b);
        return b.length;
    }

    /** Pads with zeros to a multiple of {@code n} (a power of two). */
    public WireWriter align(int n) {
        int rem = pos & (n - 1);
        if (rem != 0) {
            zeros(n - rem);
        }
        return this;
    }

    /**
     * Makes room for {@code n} bytes that the caller fills in place through {@link #array()} (a file
     * read straight into a READ response), and moves past them; returns where they start.
     */
    public int advance(int n) {
        ensure(n);
        int at = pos;
        pos += n;
        return at;
    }

    /** Moves the write position (to rewrite a header at 0, then return to the end). */
    public void seek(int position) {
        if (position < 0 || position > buf.length) {
            throw new IllegalArgumentException("seek outside buffer");
        }
        pos = position;
    }

    /** Reserves {@code n} bytes to be patched later; returns their position. */
    public int reserve(int n) {
        int at = pos;
        zeros(n);
        return at;
    }

    public void putU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    public void putU32(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    public void putU64(int at, long v) {
        putU32(at, (int) v);
        putU32(at + 4, (int) (v >>> 32));
    }

    /** The internal array (valid up to {@link #position()}); no copy. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
