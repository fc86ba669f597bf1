package org.bossa.dcerpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NdrTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void primitivesAreLittleEndianAndAligned() {
        NdrWriter w = new NdrWriter(4);
        w.u8(1).u16(0x0203).u8(4).u32(0x05060708).u64(0x1112131415161718L);
        assertArrayEquals(hex("01 00 0302 04 000000 08070605 00000000 1817161514131211"), w.toByteArray());

        NdrReader r = new NdrReader(w.toByteArray());
        assertEquals(1, r.u8());
        assertEquals(0x0203, r.u16());
        assertEquals(4, r.u8());
        assertEquals(0x05060708, r.u32());
        assertEquals(0x1112131415161718L, r.u64());
        assertEquals(0, r.remaining());
    }

    @Test
    void uuidUsesMixedEndianLayout() {
        UUID u = UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860");
        byte[] b = new NdrWriter().uuid(u).toByteArray();
        assertArrayEquals(hex("045d888aeb1cc9119fe808002b104860"), b);
        assertEquals(u, new NdrReader(b).uuid());
    }

    @Test
    void conformantVaryingStringCountsTheTerminator() {
        byte[] b = new NdrWriter().u8(7).conformantVaryingString("ab").toByteArray();
        // u8, pad to 4, max_count 3, offset 0, actual_count 3, "a" "b" NUL
        assertArrayEquals(hex("07000000 03000000 00000000 03000000 6100 6200 0000"), b);
        NdrReader r = new NdrReader(b);
        r.u8();
        assertEquals("ab", r.conformantVaryingString());
        assertEquals("", new NdrReader(new NdrWriter().conformantVaryingString("").toByteArray()).conformantVaryingString());
        String unicode = "Øre \u65e5\u672c";
        assertEquals(unicode, new NdrReader(new NdrWriter().conformantVaryingString(unicode).toByteArray())
                .conformantVaryingString());
    }

    /** struct { ptr a; u32 x; ptr b } where *a is struct { ptr c }: pointees are written depth first. */
    @Test
    void deferredPointeesAreWrittenDepthFirstWithSequentialReferentIds() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(true, ww -> ww.stringPointer("c"));          // a -> { c }
        w.u32(0x99);
        w.stringPointer("b");
        w.stringPointer(null);
        w.flushDeferred();
        assertArrayEquals(hex("00000200 99000000 04000200 00000000"
                + "08000200"                                          // *a: the pointer c
                + "02000000 00000000 02000000 6300 0000"              // *c before *b
                + "02000000 00000000 02000000 6200 0000"), w.toByteArray());

        NdrReader r = new NdrReader(w.toByteArray());
        List<String> got = new ArrayList<>();
        r.uniquePointer(rr -> rr.uniquePointer(rrr -> got.add("c=" + rrr.conformantVaryingString())));
        assertEquals(0x99, r.u32());
        r.uniquePointer(rr -> got.add("b=" + rr.conformantVaryingString()));
        assertFalse(r.uniquePointer(rr -> got.add("never")));
        r.flushDeferred();
        assertEquals(List.of("c=c", "b=b"), got);
        assertEquals(0, r.remaining());
    }

    @Test
    void conformantArrayOfStructsDefersEveryElementsPointeesToAfterTheArray() {
        NdrWriter w = new NdrWriter();
        w.conformantArray(List.of("x", "y"), (ww, s) -> {
            ww.stringPointer(s);
            ww.u32(s.charAt(0));
        });
        w.flushDeferred();
        assertArrayEquals(hex("02000000 00000200 78000000 04000200 79000000"
                + "02000000 00000000 02000000 7800 0000"
                + "02000000 00000000 02000000 7900 0000"), w.toByteArray());
    }

    @Test
    void fullPointersAliasTheSameObject() {
        Object shared = new Object();
        NdrWriter w = new NdrWriter();
        w.fullPointer(shared, ww -> ww.u32(42));
        w.fullPointer(shared, ww -> ww.u32(43));
        w.fullPointer(null, ww -> ww.u32(44));
        w.flushDeferred();
        assertArrayEquals(hex("00000200 00000200 00000000 2a000000"), w.toByteArray());

        NdrReader r = new NdrReader(w.toByteArray());
        List<Integer> values = new ArrayList<>();
        assertEquals(0x20000, r.fullPointer(rr -> values.add(rr.u32())));
        assertEquals(0x20000, r.fullPointer(rr -> values.add(rr.u32())));
        assertEquals(0, r.fullPointer(rr -> values.add(rr.u32())));
        r.flushDeferred();
        assertEquals(List.of(42), values);
    }

    @Test
    void topLevelStringPointerIsReadInPlace() {
        byte[] b = new NdrWriter().stringPointer("S").flushDeferred().u32(5).toByteArray();
        NdrReader r = new NdrReader(b);
        assertEquals("S", r.topLevelStringPointer());
        assertEquals(5, r.u32());
        assertNull(new NdrReader(hex("00000000")).topLevelStringPointer());
    }

    @Test
    void malformedInputFailsWithNdrException() {
        // truncated u32
        assertThrows(NdrException.class, () -> new NdrReader(hex("010203")).u32());
        // actual_count > max_count
        assertThrows(NdrException.class, () -> new NdrReader(hex("01000000 00000000 02000000 6100 0000"))
                .conformantVaryingString());
        // non-zero offset
        assertThrows(NdrException.class, () -> new NdrReader(hex("02000000 01000000 01000000 6100"))
                .conformantVaryingString());
        // a huge count that the buffer cannot hold: refused before any allocation
        assertThrows(NdrException.class, () -> new NdrReader(hex("ffffff7f 00000000 ffffff7f 6100"))
                .conformantVaryingString());
        assertThrows(NdrException.class, () -> new NdrReader(hex("ffffffff 00000000")).conformance(4));
        // a null [ref] pointer
        assertThrows(NdrException.class, () -> new NdrReader(hex("00000000")).embeddedRefPointer(r -> { }));
        // a pointee beyond the data
        NdrReader r = new NdrReader(hex("00000200"));
        assertTrue(r.uniquePointer(NdrReader::u32));
        assertThrows(NdrException.class, r::flushDeferred);
    }

    @Test
    void unflushedPointeesAreAProgrammingError() {
        NdrWriter w = new NdrWriter();
        w.stringPointer("x");
        assertThrows(IllegalStateException.class, w::toByteArray);
    }
}
