package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedRequestTest {

    static Stream<Samples.Case> cases() {
        return Samples.all().stream();
    }

    private static Samples.Case sample(String name) {
        return Samples.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void invalid(Samples.Case c, byte[] msg) {
        Msg.assertFails(NtStatus.INVALID_PARAMETER, c.decoder(), msg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wrongStructureSize(Samples.Case c) {
        invalid(c, Msg.patch(c.message(), 64, 2, c.structureSize() + 1));
        invalid(c, Msg.patch(c.message(), 64, 2, c.structureSize() - 1));
        invalid(c, Msg.patch(c.message(), 64, 2, 0));
        invalid(c, Msg.patch(c.message(), 64, 2, 0xFFFF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void truncatedBodies(Samples.Case c) {
        invalid(c, Msg.truncate(c.message(), 0));
        invalid(c, Msg.truncate(c.message(), 64));
        invalid(c, Msg.truncate(c.message(), 65));
        invalid(c, Msg.truncate(c.message(), 64 + (c.structureSize() & ~1) - 1));
    }

    @Test
    void treeConnect() {
        Samples.Case c = sample("TREE_CONNECT");
        byte[] ok = c.message();
        invalid(c, Msg.patch(ok, 68, 2, 0xFFF0));               // PathOffset past the end
        invalid(c, Msg.patch(ok, 68, 2, 64));                   // PathOffset inside the fixed part
        invalid(c, Msg.patch(ok, 70, 2, 0xFFFE));               // PathLength past the end
        invalid(c, Msg.patch(ok, 70, 2, 5));                    // odd length
        invalid(c, Msg.patch(ok, 72, 2, 0xDC00));               // invalid UTF-16
        Samples.Case e = sample("TREE_CONNECT+ext");
        byte[] ext = e.message();
        invalid(e, Msg.patch(ext, 68, 2, 72));                  // path overlapping the extension header
        invalid(e, Msg.truncate(Msg.patch(ext, 70, 2, 0), 80)); // extension header cut off
        // the extension flag turns the first 16 buffer bytes into the extension header
        invalid(c, Msg.patch(ok, 66, 2, TreeConnectRequest.FLAG_EXTENSION_PRESENT));
    }

    @Test
    void read() {
        Samples.Case c = sample("READ");
        byte[] ok = Msg.extend(c.message(), new byte[16]);
        invalid(c, Msg.patch(Msg.patch(ok, 64 + 44, 2, 0xFFF0), 64 + 46, 2, 16)); // channel info past end
        invalid(c, Msg.patch(Msg.patch(ok, 64 + 44, 2, 0x70), 64 + 46, 2, 0xFFFF));
        invalid(c, Msg.patch(Msg.patch(ok, 64 + 44, 2, 0x40), 64 + 46, 2, 16));  // inside the fixed part
        ReadRequest r = ReadRequest.decode(Msg.reader(Msg.patch(Msg.patch(ok, 64 + 44, 2, 0x70), 64 + 46, 2, 16)));
        assertEquals(65536, r.length());
    }

    @Test
    void write() {
        Samples.Case c = sample("WRITE");
        byte[] ok = c.message();
        invalid(c, Msg.patch(ok, 66, 2, 0xFFF0));                // DataOffset past the end
        invalid(c, Msg.patch(ok, 66, 2, 0x40));                  // DataOffset inside the fixed part
        invalid(c, Msg.patch(ok, 68, 4, 0xFFFFFFFFL));           // Length 0xFFFFFFFF
        invalid(c, Msg.patch(ok, 68, 4, 0x80000000L));
        invalid(c, Msg.patch(ok, 68, 4, Samples.DATA.length + 1L));
        invalid(c, Msg.truncate(ok, ok.length - 1));
        invalid(c, Msg.patch(Msg.patch(ok, 64 + 40, 2, 0x70), 64 + 42, 2, 0xFFFF)); // channel info
        WriteRequest empty = WriteRequest.decode(Msg.reader(Msg.patch(Msg.patch(ok, 66, 2, 0xFFFF), 68, 4, 0)));
        assertEquals(0, empty.dataLength());
        assertEquals(0, empty.data(Msg.reader(ok)).remaining());
    }

    @Test
    void lock() {
        Samples.Case c = sample("LOCK");
        byte[] ok = c.message();
        invalid(c, Msg.patch(ok, 66, 2, 0));                     // LockCount 0
        invalid(c, Msg.patch(ok, 66, 2, 3));                     // more elements than sent
        invalid(c, Msg.patch(ok, 66, 2, 0xFFFF));
        invalid(c, Msg.truncate(ok, ok.length - 1));
    }

    @Test
    void ioctl() {
        Samples.Case c = sample("IOCTL");
        byte[] ok = c.message();
        int b = 64;
        invalid(c, Msg.patch(ok, b + 24, 4, 0xFFFFFFF0L));       // InputOffset past the end
        invalid(c, Msg.patch(ok, b + 28, 4, 0xFFFFFFFFL));       // InputCount 0xFFFFFFFF
        invalid(c, Msg.patch(ok, b + 24, 4, 0x40));              // InputOffset inside the fixed part
        invalid(c, Msg.patch(Msg.patch(ok, b + 36, 4, 0x7FFFFFFFL), b + 40, 4, 0x7FFFFFFFL)); // output overflow
        invalid(c, Msg.patch(Msg.patch(ok, b + 36, 4, 0x78), b + 40, 4, 0x1000));
        IoctlRequest none = IoctlRequest.decode(Msg.reader(Msg.patch(Msg.patch(ok, b + 24, 4, 0xFFFFFFFFL),
                b + 28, 4, 0)));
        assertEquals(0, none.input().length);
    }

    @Test
    void validateNegotiateInfo() {
        byte[] ok = new ValidateNegotiateInfoRequest(1, new byte[16], 1, List.of(0x300, 0x302)).toBytes();
        assertEquals(List.of(0x300, 0x302), ValidateNegotiateInfoRequest.decode(ok).dialects());
        Msg.assertStatus(NtStatus.INVALID_PARAMETER, () -> ValidateNegotiateInfoRequest.decode(new byte[23]));
        Msg.assertStatus(NtStatus.INVALID_PARAMETER,
                () -> ValidateNegotiateInfoRequest.decode(Msg.patch(ok, 22, 2, 3)));
        Msg.assertStatus(NtStatus.INVALID_PARAMETER,
                () -> ValidateNegotiateInfoRequest.decode(Msg.patch(ok, 22, 2, 0)));
        Msg.assertStatus(NtStatus.INVALID_PARAMETER,
                () -> ValidateNegotiateInfoRequest.decode(Msg.patch(ok, 22, 2, 0xFFFF)));
    }

    @Test
    void queryDirectory() {
        Samples.Case c = sample("QUERY_DIRECTORY");
        byte[] ok = c.message();
        invalid(c, Msg.patch(ok, 64 + 24, 2, 0xFFF0));
        invalid(c, Msg.patch(ok, 64 + 24, 2, 0x50));
        invalid(c, Msg.patch(ok, 64 + 26, 2, 9));
        invalid(c, Msg.patch(ok, 64 + 26, 2, 0xFFFE));
        Msg.assertFails(NtStatus.OBJECT_NAME_INVALID, c.decoder(), Msg.patch(ok, 0x60, 2, 0xD800));
    }

    @Test
    void queryAndSetInfo() {
        Samples.Case q = sample("QUERY_INFO");
        byte[] ok = q.message();
        invalid(q, Msg.patch(ok, 66, 1, 5));                     // InfoType
        invalid(q, Msg.patch(ok, 66, 1, 0));
        invalid(q, Msg.patch(ok, 64 + 8, 2, 0xFFF0));
        invalid(q, Msg.patch(ok, 64 + 12, 4, 0xFFFFFFFFL));
        invalid(q, Msg.patch(ok, 64 + 12, 4, 9));
        Samples.Case s = sample("SET_INFO");
        byte[] sok = s.message();
        invalid(s, Msg.patch(sok, 66, 1, 9));
        invalid(s, Msg.patch(sok, 64 + 4, 4, 0xFFFFFFFFL));
        invalid(s, Msg.patch(sok, 64 + 8, 2, 0xFFFF));
        invalid(s, Msg.patch(sok, 64 + 8, 2, 0x10));
    }

    @Test
    void oplockBreakLevels() {
        Samples.Case c = sample("OPLOCK_BREAK");
        invalid(c, Msg.patch(c.message(), 66, 1, 3));
    }
}
