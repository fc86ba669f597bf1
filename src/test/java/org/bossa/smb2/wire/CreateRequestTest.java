package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CREATE against a layout written out by hand from MS-SMB2 2.2.13 and 2.2.13.2, and malformed variants. */
class CreateRequestTest {

    private static final String NAME = "a\\b.txt";
    private static final byte[] TIMESTAMP = {1, 2, 3, 4, 5, 6, 7, 8};

    private static CreateRequest sample() {
        return new CreateRequest(0, OplockLevel.BATCH, ImpersonationLevel.IMPERSONATION, 0, 0x0012019F, 0x80,
                ShareAccess.ALL, CreateDisposition.OPEN_IF, CreateOptions.FILE_NON_DIRECTORY_FILE, NAME,
                List.of(new CreateContext("MxAc", TIMESTAMP), new CreateContext("QFid", new byte[0])));
    }

    /**
     * Header (64) | body fixed part 0x40..0x77 | name at 0x78, 14 bytes | pad to 0x88 | contexts at 0x88:
     * MxAc element: Next=32, NameOffset=16, NameLength=4, Reserved, DataOffset=24, DataLength=8, "MxAc",
     * 4 pad, 8 data; QFid element at 0x88+32: Next=0, NameOffset=16, NameLength=4, DataOffset=0, DataLength=0,
     * "QFid". CreateContextsLength = 32 + 20 = 52.
     */
    private static byte[] expected() {
        ByteBuffer b = ByteBuffer.allocate(0x88 + 52).order(ByteOrder.LITTLE_ENDIAN);
        WireWriter hw = new WireWriter();
        new Smb2Header(1, 0, Smb2Command.CREATE.code(), 1, 0, 0, 7, 0, 0xFEFF, 5, 0x1122334455667788L).encode(hw);
        b.put(hw.toByteArray());
        b.putShort(0x40, (short) 57);
        b.put(0x42, (byte) 0);             // SecurityFlags
        b.put(0x43, (byte) 0x09);          // RequestedOplockLevel BATCH
        b.putInt(0x44, 2);                 // ImpersonationLevel Impersonation
        b.putLong(0x48, 0);                // SmbCreateFlags
        b.putLong(0x50, 0);                // Reserved
        b.putInt(0x58, 0x0012019F);        // DesiredAccess
        b.putInt(0x5C, 0x80);              // FileAttributes NORMAL
        b.putInt(0x60, 7);                 // ShareAccess
        b.putInt(0x64, 3);                 // CreateDisposition FILE_OPEN_IF
        b.putInt(0x68, 0x40);              // CreateOptions FILE_NON_DIRECTORY_FILE
        b.putShort(0x6C, (short) 0x78);    // NameOffset
        b.putShort(0x6E, (short) 14);      // NameLength
        b.putInt(0x70, 0x88);              // CreateContextsOffset
        b.putInt(0x74, 52);                // CreateContextsLength
        b.put(0x78, NAME.getBytes(StandardCharsets.UTF_16LE));
        int c = 0x88;
        b.putInt(c, 32);
        b.putShort(c + 4, (short) 16);
        b.putShort(c + 6, (short) 4);
        b.putShort(c + 10, (short) 24);
        b.putInt(c + 12, 8);
        b.put(c + 16, "MxAc".getBytes(StandardCharsets.US_ASCII));
        b.put(c + 24, TIMESTAMP);
        c += 32;
        b.putInt(c, 0);
        b.putShort(c + 4, (short) 16);
        b.putShort(c + 6, (short) 4);
        b.putShort(c + 10, (short) 0);
        b.putInt(c + 12, 0);
        b.put(c + 16, "QFid".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    @Test
    void encodesTheSpecLayoutByteForByte() {
        assertArrayEquals(expected(), Msg.request(Smb2Command.CREATE, sample()::encode));
    }

    @Test
    void decodesTheSpecLayout() {
        CreateRequest r = CreateRequest.decode(Msg.reader(expected()));
        assertEquals(sample(), r);
        assertEquals(0x0807060504030201L,
                CreateContexts.maximalAccessTimestamp(r.contexts().get(0)).orElseThrow());
    }

    private static final int CTX = 0x88;
    private static final int CTX2 = 0x88 + 32;

    private static void invalid(byte[] msg) {
        Msg.assertFails(NtStatus.INVALID_PARAMETER, CreateRequest::decode, msg);
    }

    @Test
    void badNames() {
        byte[] ok = expected();
        invalid(Msg.patch(ok, 0x6E, 2, 13));                   // odd NameLength (3.3.5.9)
        invalid(Msg.patch(ok, 0x6C, 2, 0x70));                 // NameOffset before the Buffer
        invalid(Msg.patch(ok, 0x6C, 2, 0xFFF0));               // NameOffset past the end
        invalid(Msg.patch(ok, 0x6E, 2, 0xFFFE));               // NameLength past the end
        invalid(Msg.truncate(ok, 0x80));                       // name cut off
        byte[] lone = Msg.patch(ok, 0x78, 2, 0xD800);          // unpaired high surrogate
        Msg.assertFails(NtStatus.OBJECT_NAME_INVALID, CreateRequest::decode, lone);
        byte[] lowFirst = Msg.patch(ok, 0x7A, 2, 0xDC00);      // unpaired low surrogate
        Msg.assertFails(NtStatus.OBJECT_NAME_INVALID, CreateRequest::decode, lowFirst);
    }

    @Test
    void badEnumsAndSizes() {
        byte[] ok = expected();
        invalid(Msg.patch(ok, 0x40, 2, 56));
        invalid(Msg.patch(ok, 0x40, 2, 58));
        invalid(Msg.truncate(ok, 64 + 55));
        invalid(Msg.patch(ok, 0x64, 4, 6));                   // CreateDisposition > FILE_OVERWRITE_IF
        invalid(Msg.patch(ok, 0x64, 4, 0xFFFFFFFFL));
        invalid(Msg.patch(ok, 0x43, 1, 0x02));                // no such oplock level
        Msg.assertFails(NtStatus.BAD_IMPERSONATION_LEVEL, CreateRequest::decode, Msg.patch(ok, 0x44, 4, 4));
    }

    @Test
    void lyingContextOffsetsAndLengths() {
        byte[] ok = expected();
        invalid(Msg.patch(ok, 0x74, 4, 0xFFFFFFFFL));          // length 0xFFFFFFFF
        invalid(Msg.patch(ok, 0x74, 4, 53));                   // one byte past the end
        invalid(Msg.patch(ok, 0x70, 4, 0xFFFFFFF8L));          // offset far past the end
        invalid(Msg.patch(Msg.patch(ok, 0x70, 4, 0x7FFFFFF8L), 0x74, 4, 0x7FFFFFFFL)); // offset+length overflow
        invalid(Msg.patch(ok, 0x70, 4, 0x8C));                 // not 8-byte aligned
        invalid(Msg.patch(ok, 0x70, 4, 0x40));                 // inside the fixed part
        invalid(Msg.patch(ok, 0x74, 4, 12));                   // shorter than one context header
    }

    @Test
    void malformedChains() {
        byte[] ok = expected();
        invalid(Msg.patch(ok, CTX, 4, 8));                     // Next points inside the header (backwards)
        invalid(Msg.patch(ok, CTX, 4, 0xFFFFFFE0L));           // Next = -32 as signed: backwards / outside
        invalid(Msg.patch(ok, CTX, 4, 0x28));                  // Next beyond the chain
        invalid(Msg.patch(ok, CTX, 4, 28));                    // Next not a multiple of 8
        invalid(Msg.patch(ok, CTX, 4, 24));                    // next element overlaps this one's data
        invalid(Msg.patch(ok, CTX + 4, 2, 12));                // NameOffset inside the header
        invalid(Msg.patch(ok, CTX + 4, 2, 20));                // NameOffset unaligned
        invalid(Msg.patch(ok, CTX + 6, 2, 0));                 // empty name
        invalid(Msg.patch(ok, CTX + 6, 2, 40));                // name beyond the element
        invalid(Msg.patch(ok, CTX + 10, 2, 20));               // DataOffset unaligned
        invalid(Msg.patch(ok, CTX + 10, 2, 16));               // data overlaps the name
        invalid(Msg.patch(ok, CTX + 12, 4, 9));                // data runs into the next element
        invalid(Msg.patch(ok, CTX + 12, 4, 0xFFFFFFFFL));      // DataLength 0xFFFFFFFF
        invalid(Msg.patch(ok, CTX2 + 6, 2, 5));                // last name past the chain end
        invalid(Msg.patch(ok, CTX2 + 12, 4, 1));               // last data past the chain end (offset 0 < name)
        // a chain whose last element claims a Next while nothing follows
        invalid(Msg.patch(ok, CTX2, 4, 24));
    }

    @Test
    void contextChainWithTrailingPaddingIsAccepted() {
        byte[] ok = expected();
        byte[] padded = Msg.patch(Msg.extend(ok, new byte[4]), 0x74, 4, 56);
        assertEquals(2, CreateRequest.decode(Msg.reader(padded)).contexts().size());
    }

    @Test
    void zeroLengthsIgnoreOffsets() {
        byte[] ok = expected();
        byte[] noCtx = Msg.patch(Msg.patch(ok, 0x70, 4, 0xFFFFFFFFL), 0x74, 4, 0);
        assertEquals(0, CreateRequest.decode(Msg.reader(noCtx)).contexts().size());
        byte[] noName = Msg.patch(Msg.patch(ok, 0x6C, 2, 0), 0x6E, 2, 0);
        assertEquals("", CreateRequest.decode(Msg.reader(noName)).name());
    }

    @Test
    void contextsEncodeAlignedAndDecodeBack() {
        List<CreateContext> list = List.of(new CreateContext("ExtA", new byte[13]),
                new CreateContext("DH2Q", new byte[32]), new CreateContext("AlSi", new byte[8]));
        WireWriter w = new WireWriter();
        w.zeros(8);
        int len = CreateContexts.encode(w, list);
        byte[] b = w.toByteArray();
        assertEquals(list, CreateContexts.decode(new WireReader(b), 8, len, 8));
        assertEquals(0, Msg.u32(b, 8) % 8, "Next is a multiple of 8");
    }
}
