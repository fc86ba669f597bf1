package org.bossa.identity.winbind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WinbindCodecTest {
    static ByteBuffer request(int cmd, int extraLen) {
        ByteBuffer b = ByteBuffer.allocate(WinbindRequest.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, WinbindRequest.SIZE).putInt(4, cmd).putInt(2128, extraLen);
        return b;
    }

    @Test
    void decodesHeaderDataAndExtra() throws Exception {
        ByteBuffer b = request(WinbindCommand.LOOKUPNAME.code(), 3);
        b.putInt(12, 4242).putInt(20, 0x80);
        b.put(24, "EXAMPLE\0".getBytes(StandardCharsets.US_ASCII));
        b.put(280, "wbinfo\0".getBytes(StandardCharsets.US_ASCII));
        b.put(320, "EXAMPLE\0".getBytes(StandardCharsets.US_ASCII));
        b.put(576, "alice\0".getBytes(StandardCharsets.US_ASCII));
        WinbindRequest r = WinbindRequest.decode(b.array(), new byte[] {'a', 'b', 0});
        assertEquals(22, r.command());
        assertEquals(4242, r.pid());
        assertEquals(0x80, r.flags());
        assertEquals("EXAMPLE", r.domainName());
        assertEquals("wbinfo", r.clientName());
        assertEquals("alice", r.dataString(WinbindRequest.D_NAME_NAME, WinbindRequest.FSTRING));
        assertEquals("ab", r.extraText());
    }

    @Test
    void malformedRequestsAreOneException() {
        ByteBuffer wrongLength = request(0, 0).putInt(0, 2000);
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.extraLength(wrongLength.array()));
        ByteBuffer tooMuch = request(0, WinbindRequest.MAX_EXTRA + 1);
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.extraLength(tooMuch.array()));
        ByteBuffer negative = request(0, -1);
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.extraLength(negative.array()));
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.extraLength(new byte[10]));
        ByteBuffer unterminated = request(0, 0);
        for (int i = 24; i < 280; i++) {
            unterminated.put(i, (byte) 'x');
        }
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.decode(unterminated.array(), new byte[0]));
        assertThrows(WinbindFormatException.class, () -> WinbindRequest.decode(request(0, 2).array(), new byte[1]));
    }

    @Test
    void dataFieldsOutsideTheUnionAreRejected() throws Exception {
        WinbindRequest r = WinbindRequest.decode(request(1, 0).array(), new byte[0]);
        assertThrows(WinbindFormatException.class, () -> r.dataString(1700, 256));
        assertThrows(WinbindFormatException.class, () -> r.dataU32(1797));
        assertThrows(WinbindFormatException.class, () -> r.extraText());
    }

    @Test
    void responseLayout() {
        WinbindResponse r = WinbindResponse.ok();
        WinbindResponse.putPw(r.dataView(), 0, "EXAMPLE\\alice", 10001, 10513, "Alice", "/home/alice", "/bin/sh");
        r.appendExtra(new byte[] {1, 2, 3});
        byte[] out = r.encode();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4011, out.length);
        assertEquals(4011, b.getInt(0));
        assertEquals(2, b.getInt(4));
        assertEquals('E', out[8]);
        assertEquals('*', out[8 + 256]);
        assertEquals(10001, b.getInt(8 + 512));
        assertEquals(10513, b.getInt(8 + 516));
        assertEquals('A', out[8 + 520]);
        assertEquals('/', out[8 + 776]);
        assertEquals('/', out[8 + 1032]);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(out, 4008, 4011));
        assertEquals(0, WinbindResponse.error().encode()[4]);
    }

    @Test
    void longStringsAreCutOnCharacterBoundaries() {
        String s = "é".repeat(200); // 400 bytes of UTF-8
        byte[] cut = WinbindResponse.fit(s, 255);
        assertEquals(254, cut.length);
        assertEquals("é".repeat(127), new String(cut, StandardCharsets.UTF_8));
    }
}
