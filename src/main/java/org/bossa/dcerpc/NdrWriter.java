package org.bossa.dcerpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * NDR 2.0 encoder (C706 chapter 14), little-endian, alignment relative to the start of the buffer
 * (the stub data start, which is 8-aligned in every PDU).
 *
 * <p>Pointers: an embedded unique or full pointer is a 4-byte referent id (0 for null); its pointee
 * is deferred and written by {@link #flushDeferred()}. Deferral is depth first: the pointees that a
 * pointee itself defers are written right after it, before the next sibling pointee, which is the
 * order MIDL and pidl produce. A caller marshalling operation parameters calls
 * {@link #flushDeferred()} after each top-level parameter. Referent ids count 0x00020000, 0x00020004,
 * ... like Windows and Samba.
 */
public final class NdrWriter {
    private static final int FIRST_REFERENT_ID = 0x00020000;

    private byte[] buf;
    private int pos;
    private int nextReferentId = FIRST_REFERENT_ID;
    private List<Consumer<NdrWriter>> deferred = new ArrayList<>();
    private final Map<Object, Integer> fullPointers = new IdentityHashMap<>();

    public NdrWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public NdrWriter() {
        this(256);
    }

    public int position() {
        return pos;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public NdrWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Unaligned 16-bit value (PDU headers); {@link #u16(int)} aligns first. */
    public NdrWriter rawU16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    public NdrWriter rawU32(int v) {
        ensure(4);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 24);
        return this;
    }

    public NdrWriter u16(int v) {
        return align(2).rawU16(v);
    }

    public NdrWriter u32(int v) {
        return align(4).rawU32(v);
    }

    public NdrWriter u64(long v) {
        align(8);
        rawU32((int) v);
        return rawU32((int) (v >>> 32));
    }

    public NdrWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public NdrWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    public NdrWriter zeros(int n) {
        ensure(n);
        pos += n; // the buffer is zero-filled and never rewound
        return this;
    }

    /** Pads with zero bytes to a multiple of {@code n} (1, 2, 4 or 8). */
    public NdrWriter align(int n) {
        int pad = (n - (pos % n)) % n;
        return zeros(pad);
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

    /** A GUID as NDR marshals it: u32 time_low, u16 time_mid, u16 time_hi_and_version, 8 bytes. */
    public NdrWriter uuid(UUID u) {
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        align(4);
        rawU32((int) (msb >>> 32));
        rawU16((int) (msb >>> 16));
        rawU16((int) msb);
        for (int i = 7; i >= 0; i--) {
            u8((int) (lsb >>> (8 * i)));
        }
        return this;
    }

    // ---------------------------------------------------------------- pointers

    /**
     * An embedded unique pointer: null writes 0; otherwise a fresh referent id, and {@code pointee}
     * runs when the deferred pointees are flushed.
     */
    public NdrWriter uniquePointer(boolean present, Consumer<NdrWriter> pointee) {
        if (!present) {
            return u32(0);
        }
        u32(nextReferentId);
        nextReferentId += 4;
        deferred.add(pointee);
        return this;
    }

    /** An embedded [ref] pointer: always a referent id, never null. */
    public NdrWriter embeddedRefPointer(Consumer<NdrWriter> pointee) {
        return uniquePointer(true, pointee);
    }

    /**
     * A full ([ptr]) pointer: the same object (by identity) gets the same referent id and its pointee
     * is written once.
     */
    public NdrWriter fullPointer(Object target, Consumer<NdrWriter> pointee) {
        if (target == null) {
            return u32(0);
        }
        Integer id = fullPointers.get(target);
        if (id != null) {
            return u32(id);
        }
        fullPointers.put(target, nextReferentId);
        return uniquePointer(true, pointee);
    }

    /** Queues a pointee to be written at the next flush (used by pointer helpers). */
    public void defer(Consumer<NdrWriter> pointee) {
        deferred.add(pointee);
    }

    /** Writes every deferred pointee, depth first. */
    public NdrWriter flushDeferred() {
        if (deferred.isEmpty()) {
            return this;
        }
        List<Consumer<NdrWriter>> mine = deferred;
        deferred = new ArrayList<>();
        for (Consumer<NdrWriter> p : mine) {
            p.accept(this);
            flushDeferred();
        }
        return this;
    }

    // ---------------------------------------------------------------- strings and arrays

    /**
     * A conformant varying string of wchar_t ([string] wchar_t*, pidl
     * {@code [string,charset(UTF16)] uint16 *}): max_count, offset 0, actual_count, each counting the
     * terminating NUL, then the UTF-16LE characters and the NUL.
     */
    public NdrWriter conformantVaryingString(String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        int count = chars.length / 2 + 1;
        u32(count);
        u32(0);
        u32(count);
        bytes(chars);
        return rawU16(0);
    }

    /** A unique pointer to a {@code [string]} wide string; null writes a null pointer. */
    public NdrWriter stringPointer(String s) {
        return uniquePointer(s != null, w -> w.conformantVaryingString(s));
    }

    /**
     * A conformant array: max_count then each element's scalars ({@code element} may defer its
     * pointees, which follow the whole array at the next flush).
     */
    public <T> NdrWriter conformantArray(List<T> elements, java.util.function.BiConsumer<NdrWriter, T> element) {
        u32(elements.size());
        for (T e : elements) {
            element.accept(this, e);
        }
        return this;
    }

    public byte[] toByteArray() {
        if (!deferred.isEmpty()) {
            throw new IllegalStateException("deferred pointees not flushed");
        }
        return Arrays.copyOf(buf, pos);
    }
}
