package org.bossa.fscc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable little-endian writer with patching by absolute position. */
final class LeWriter {
    private byte[] buf;
    private int pos;

    LeWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int position() {
        return pos;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    LeWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    LeWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    LeWriter u32(int v) {
        ensure(4);
        putU32(pos, v);
        pos += 4;
        return this;
    }

    LeWriter u64(long v) {
        ensure(8);
        putU32(pos, (int) v);
        putU32(pos + 4, (int) (v >>> 32));
        pos += 8;
        return this;
    }

    LeWriter zeros(int n) {
        ensure(n);
        pos += n; // fresh bytes are zero; truncate() zeroes what it drops
        return this;
    }

    LeWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Pads with zeros to a multiple of {@code alignment} (a power of two). */
    LeWriter align(int alignment) {
        return zeros(-pos & (alignment - 1));
    }

    void putU32(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    /** Drops everything from {@code newPos} on (zeroing it, so later padding reads as zero). */
    void truncate(int newPos) {
        Arrays.fill(buf, newPos, pos, (byte) 0);
        pos = newPos;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    static byte[] utf16(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_16LE);
    }
}
