package org.bossa.fscc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A chain of FILE_FULL_EA_INFORMATION entries, [MS-FSCC] 2.4.15: NextEntryOffset 4, Flags 1, EaNameLength 1,
 * EaValueLength 2, EaName (EaNameLength bytes plus a NUL), EaValue (EaValueLength bytes); entries start on
 * 4-byte boundaries. Decoding checks the chain as [MS-FSA] 2.1.5.14.3 (IoCheckEaBufferValidity) does.
 */
public final class FileFullEaInformation {
    /** Flags: FILE_NEED_EA. */
    public static final int FILE_NEED_EA = 0x80;

    /** One extended attribute; the name is 8-bit (OEM) text, at most 255 bytes, without NUL. */
    public record Entry(int flags, String name, byte[] value) {
        public Entry {
            Objects.requireNonNull(name, "name");
            value = value == null ? new byte[0] : value.clone();
            if (name.isEmpty() || name.getBytes(StandardCharsets.ISO_8859_1).length > 255 || value.length > 0xFFFF) {
                throw new IllegalArgumentException("EA name 1..255 bytes, value up to 65535 bytes");
            }
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.flags == flags && e.name.equals(name) && Arrays.equals(e.value, value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flags, name, Arrays.hashCode(value));
        }

        int size() {
            return 8 + name.length() + 1 + value.length;
        }
    }

    private FileFullEaInformation() {
    }

    /** @throws FsccFormatException EA_LIST_INCONSISTENT for any malformed chain (also an empty buffer) */
    public static List<Entry> decode(byte[] in) {
        LeReader r = new LeReader(in, FsccStatus.EA_LIST_INCONSISTENT);
        List<Entry> out = new ArrayList<>();
        int off = 0;
        while (true) {
            if (r.length() - off < 8) {
                throw inconsistent("entry header at " + off + " runs past the buffer");
            }
            long next = Integer.toUnsignedLong(r.u32(off));
            int flags = r.u8(off + 4);
            int nameLength = r.u8(off + 5);
            int valueLength = r.u16(off + 6);
            long size = 8L + nameLength + 1 + valueLength;
            if (off + size > r.length()) {
                throw inconsistent("entry at " + off + " of " + size + " bytes runs past the buffer");
            }
            if (nameLength == 0 || r.u8(off + 8 + nameLength) != 0) {
                throw inconsistent("EA name at " + off + " empty or not NUL-terminated");
            }
            if ((flags & ~FILE_NEED_EA) != 0) {
                throw inconsistent("EA flags 0x" + Integer.toHexString(flags));
            }
            String name = new String(r.bytes(off + 8, nameLength), StandardCharsets.ISO_8859_1);
            byte[] value = r.bytes(off + 8 + nameLength + 1, valueLength);
            out.add(new Entry(flags, name, value));
            if (next == 0) {
                return out;
            }
            if ((next & 3) != 0 || next < size || off + next >= r.length()) {
                throw inconsistent("NextEntryOffset " + next + " at " + off);
            }
            off += (int) next;
        }
    }

    /** The chain, each entry but the last padded to 4 bytes. */
    public static byte[] encode(List<Entry> entries) {
        LeWriter w = new LeWriter(64);
        int prev = -1;
        for (Entry e : entries) {
            if (prev >= 0) {
                w.align(4);
                w.putU32(prev, w.position() - prev);
            }
            prev = w.position();
            byte[] name = e.name().getBytes(StandardCharsets.ISO_8859_1);
            w.u32(0).u8(e.flags()).u8(name.length).u16(e.value.length).bytes(name).u8(0).bytes(e.value);
        }
        return w.toByteArray();
    }

    /** The EaSize a query reports for these entries: the chain's encoded size ([MS-FSCC] 2.4.13). */
    public static int eaSize(List<Entry> entries) {
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            int s = entries.get(i).size();
            total += i < entries.size() - 1 ? (s + 3) & ~3 : s;
        }
        return total;
    }

    private static FsccFormatException inconsistent(String detail) {
        return new FsccFormatException(FsccStatus.EA_LIST_INCONSISTENT, detail);
    }
}
