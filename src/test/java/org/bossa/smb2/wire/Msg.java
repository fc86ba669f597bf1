package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Test helpers: whole SMB2 messages built with a real header, and byte patching. */
final class Msg {
    private Msg() {
    }

    static byte[] request(Smb2Command cmd, Consumer<WireWriter> body) {
        WireWriter w = new WireWriter();
        new Smb2Header(1, 0, cmd.code(), 1, 0, 0, 7, 0, 0xFEFF, 5, 0x1122334455667788L).encode(w);
        body.accept(w);
        return w.toByteArray();
    }

    static byte[] response(Consumer<WireWriter> body) {
        WireWriter w = new WireWriter();
        new Smb2Header(1, 0, 0, 1, Smb2Header.FLAG_SERVER_TO_REDIR, 0, 7, 0, 0xFEFF, 5, 1).encode(w);
        body.accept(w);
        return w.toByteArray();
    }

    static WireReader reader(byte[] msg) {
        return new WireReader(msg);
    }

    /** A copy with a little-endian value of {@code size} bytes written at {@code off}. */
    static byte[] patch(byte[] msg, int off, int size, long value) {
        byte[] b = msg.clone();
        for (int i = 0; i < size; i++) {
            b[off + i] = (byte) (value >>> (8 * i));
        }
        return b;
    }

    static byte[] truncate(byte[] msg, int len) {
        return Arrays.copyOf(msg, len);
    }

    static byte[] extend(byte[] msg, byte[] tail) {
        byte[] b = Arrays.copyOf(msg, msg.length + tail.length);
        System.arraycopy(tail, 0, b, msg.length, tail.length);
        return b;
    }

    static void assertStatus(NtStatus expected, Executable e) {
        WireFormatException ex = assertThrows(WireFormatException.class, e);
        assertEquals(expected, ex.status(), ex.getMessage());
    }

    static void assertFails(NtStatus expected, Function<WireReader, ?> decoder, byte[] msg) {
        assertStatus(expected, () -> decoder.apply(reader(msg)));
    }

    static int u16(byte[] b, int off) {
        return new WireReader(b).u16(off);
    }

    static int u32(byte[] b, int off) {
        return new WireReader(b).u32(off);
    }

    static long u64(byte[] b, int off) {
        return new WireReader(b).u64(off);
    }
}
