package org.bossa.dcerpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * NDR 2.0 decoder, little-endian, bounds-checked: every read checks its range first and fails with
 * {@link NdrException}; no count read from the wire sizes an allocation before it has been checked
 * against the bytes that remain. Alignment is relative to {@code start}.
 *
 * <p>Pointers mirror {@link NdrWriter}: {@link #uniquePointer(Consumer)} reads a referent id and
 * defers the pointee; {@link #flushDeferred()} reads deferred pointees depth first.
 */
public final class NdrReader {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;
    private List<Consumer<NdrReader>> deferred = new ArrayList<>();
    private final Set<Integer> fullPointerIds = new HashSet<>();

    public NdrReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new NdrException("view outside buffer");
        }
        this.buf = buf;
        this.start = off;
        this.end = off + len;
        this.pos = off;
    }

    public NdrReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** Offset from the start of this reader's view. */
    public int position() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    public void seek(int offset) {
        if (offset < 0 || offset > end - start) {
            throw new NdrException("seek to " + offset + " outside " + (end - start) + " bytes");
        }
        pos = start + offset;
    }

    private void need(long n, String what) {
        if (n < 0 || n > end - pos) {
            throw new NdrException(what + ": need " + n + " bytes at " + position() + ", have " + remaining());
        }
    }

    public NdrReader align(int n) {
        int pad = (n - ((pos - start) % n)) % n;
        need(pad, "alignment");
        pos += pad;
        return this;
    }

    public int u8() {
        need(1, "u8");
        return buf[pos++] & 0xFF;
    }

    public int rawU16() {
        need(2, "u16");
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int rawU32() {
        need(4, "u32");
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public int u16() {
        align(2);
        return rawU16();
    }

    /** An unsigned 32-bit value in an int; compare with {@link Integer#toUnsignedLong}. */
    public int u32() {
        align(4);
        return rawU32();
    }

    public long u64() {
        align(8);
        long lo = rawU32() & 0xFFFFFFFFL;
        long hi = rawU32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    public byte[] bytes(int n) {
        need(n, "bytes");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n) {
        need(n, "skip");
        pos += n;
    }

    public UUID uuid() {
        align(4);
        need(16, "uuid");
        long timeLow = rawU32() & 0xFFFFFFFFL;
        long timeMid = rawU16();
        long timeHi = rawU16();
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            lsb = lsb << 8 | u8();
        }
        return new UUID(timeLow << 32 | timeMid << 16 | timeHi, lsb);
    }

    // ---------------------------------------------------------------- pointers

    /** Reads a unique pointer's referent id; when non-null, defers {@code pointee}. */
    public boolean uniquePointer(Consumer<NdrReader> pointee) {
        int id = u32();
        if (id == 0) {
            return false;
        }
        deferred.add(pointee);
        return true;
    }

    /** An embedded [ref] pointer: a null referent id is malformed. */
    public void embeddedRefPointer(Consumer<NdrReader> pointee) {
        if (!uniquePointer(pointee)) {
            throw new NdrException("null [ref] pointer");
        }
    }

    /**
     * A full pointer: a referent id seen before aliases the earlier pointee, which is not read again.
     * Returns the referent id (0 for null).
     */
    public int fullPointer(Consumer<NdrReader> pointee) {
        int id = u32();
        if (id != 0 && fullPointerIds.add(id)) {
            deferred.add(pointee);
        }
        return id;
    }

    public NdrReader flushDeferred() {
        if (deferred.isEmpty()) {
            return this;
        }
        List<Consumer<NdrReader>> mine = deferred;
        deferred = new ArrayList<>();
        for (Consumer<NdrReader> p : mine) {
            p.accept(this);
            flushDeferred();
        }
        return this;
    }

    // ---------------------------------------------------------------- strings and arrays

    /**
     * A conformant varying wide string: max_count, offset, actual_count, characters. Requires offset 0
     * and actual_count &lt;= max_count; a terminating NUL, when present, is dropped.
     */
    public String conformantVaryingString() {
        long max = u32() & 0xFFFFFFFFL;
        long offset = u32() & 0xFFFFFFFFL;
        long actual = u32() & 0xFFFFFFFFL;
        if (offset != 0) {
            throw new NdrException("string offset " + offset + " not 0");
        }
        if (actual > max) {
            throw new NdrException("string actual_count " + actual + " > max_count " + max);
        }
        need(actual * 2, "string characters");
        int n = (int) actual;
        int chars = n;
        if (n > 0 && buf[pos + 2 * n - 2] == 0 && buf[pos + 2 * n - 1] == 0) {
            chars--;
        }
        String s = new String(buf, pos, chars * 2, StandardCharsets.UTF_16LE);
        pos += n * 2;
        return s;
    }

    /** A unique pointer to a wide string, read at once (top-level parameter); null when absent. */
    public String topLevelStringPointer() {
        String[] out = new String[1];
        if (uniquePointer(r -> out[0] = r.conformantVaryingString())) {
            flushDeferred();
        }
        return out[0];
    }

    /**
     * A conformant array's max_count, checked against the bytes that remain given each element's
     * minimum wire size, so a lying count cannot size an allocation.
     */
    public int conformance(int minElementSize) {
        long count = u32() & 0xFFFFFFFFL;
        if (count * Math.max(1, minElementSize) > remaining()) {
            throw new NdrException("array count " + count + " exceeds remaining " + remaining() + " bytes");
        }
        return (int) count;
    }
}
