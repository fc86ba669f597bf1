package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response layouts checked field by field against MS-SMB2 2.2.x offsets (absolute from the header). */
class ResponseEncodingTest {
    private static final FileId FID = Samples.FID;

    @Test
    void fixedSmallResponses() {
        for (var enc : List.<java.util.function.Consumer<WireWriter>>of(LogoffResponse.INSTANCE::encode,
                TreeDisconnectResponse.INSTANCE::encode, EchoResponse.INSTANCE::encode,
                FlushResponse.INSTANCE::encode, new LockResponse()::encode)) {
            byte[] b = Msg.response(enc);
            assertEquals(68, b.length);
            assertEquals(4, Msg.u16(b, 64));
        }
        byte[] si = Msg.response(SetInfoResponse.INSTANCE::encode);
        assertEquals(66, si.length);
        assertEquals(2, Msg.u16(si, 64));
    }

    @Test
    void treeConnect() {
        byte[] b = Msg.response(TreeConnectResponse.disk(ShareFlags.ENCRYPT_DATA | ShareFlags.NO_CACHING,
                ShareCapabilities.CONTINUOUS_AVAILABILITY, 0x001F01FF)::encode);
        assertEquals(80, b.length);
        assertEquals(16, Msg.u16(b, 64));
        assertEquals(1, b[66]);
        assertEquals(0x8030, Msg.u32(b, 68));
        assertEquals(0x10, Msg.u32(b, 72));
        assertEquals(0x001F01FF, Msg.u32(b, 76));
        assertEquals(2, Msg.response(TreeConnectResponse.pipe(0x1F01FF)::encode)[66]);
    }

    @Test
    void createWithContexts() {
        CreateResponse r = new CreateResponse(OplockLevel.BATCH, 0, CreateAction.CREATED, 1, 2, 3, 4, 4096, 10,
                0x20, FID, List.of(CreateContexts.maximalAccessResponse(NtStatus.SUCCESS, 0x001F01FF),
                CreateContexts.onDiskIdResponse(0xABCDL, 0x1234L)));
        byte[] b = Msg.response(r::encode);
        assertEquals(89, Msg.u16(b, 64));
        assertEquals(9, b[66]);
        assertEquals(2, Msg.u32(b, 68));
        assertEquals(1, Msg.u64(b, 72));
        assertEquals(4, Msg.u64(b, 96));
        assertEquals(4096, Msg.u64(b, 104));
        assertEquals(10, Msg.u64(b, 112));
        assertEquals(0x20, Msg.u32(b, 120));
        assertEquals(FID, FileId.decode(Msg.reader(b), 128));
        assertEquals(0x98, Msg.u32(b, 144), "CreateContextsOffset");
        int len = Msg.u32(b, 148);
        assertEquals(b.length - 0x98, len);
        List<CreateContext> ctx = CreateContexts.decode(Msg.reader(b), 0x98, len, 0x98);
        assertEquals("MxAc", ctx.get(0).name());
        byte[] mxac = ctx.get(0).data();
        assertEquals(8, mxac.length);
        assertEquals(0, Msg.u32(mxac, 0));
        assertEquals(0x001F01FF, Msg.u32(mxac, 4));
        byte[] qfid = ctx.get(1).data();
        assertEquals(32, qfid.length);
        assertEquals(0xABCDL, Msg.u64(qfid, 0));
        assertEquals(0x1234L, Msg.u64(qfid, 8));
        assertArrayEquals(new byte[16], Arrays.copyOfRange(qfid, 16, 32));
        assertEquals(32, Msg.u32(b, 0x98), "first Next: 16 + 4 name + 4 pad + 8 data");
    }

    @Test
    void createWithoutContexts() {
        CreateResponse r = new CreateResponse(OplockLevel.NONE, 0, CreateAction.OPENED, 0, 0, 0, 0, 0, 0, 0x10,
                FID, List.of());
        byte[] b = Msg.response(r::encode);
        assertEquals(64 + 89, b.length);
        assertEquals(0, Msg.u32(b, 144));
        assertEquals(0, Msg.u32(b, 148));
    }

    @Test
    void close() {
        byte[] b = Msg.response(CloseResponse.withAttributes(1, 2, 3, 4, 5, 6, 0x80)::encode);
        assertEquals(64 + 60, b.length);
        assertEquals(60, Msg.u16(b, 64));
        assertEquals(1, Msg.u16(b, 66));
        assertEquals(1, Msg.u64(b, 72));
        assertEquals(6, Msg.u64(b, 112));
        assertEquals(0x80, Msg.u32(b, 120));
        assertEquals(0, Msg.u16(Msg.response(CloseResponse.EMPTY::encode), 66));
    }

    @Test
    void readFromArraySliceAndFixedPart() {
        byte[] file = "0123456789".getBytes();
        byte[] b = Msg.response(ReadResponse.of(file, 2, 5)::encode);
        assertEquals(17, Msg.u16(b, 64));
        assertEquals(0x50, b[66]);
        assertEquals(5, Msg.u32(b, 68));
        assertEquals(0, Msg.u32(b, 72));
        assertEquals("23456", new String(b, 0x50, 5));
        assertEquals(0x50 + 5, b.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {9, 8, 7, 6}).flip();
        ReadResponse rr = ReadResponse.of(direct);
        byte[] d = Msg.response(rr::encode);
        assertArrayEquals(new byte[] {9, 8, 7, 6}, Arrays.copyOfRange(d, 0x50, 0x54));
        assertEquals(4, direct.remaining(), "encoding does not consume the caller's buffer");
        byte[] again = Msg.response(rr::encode);
        assertArrayEquals(d, again);
        byte[] fixed = Msg.response(w -> ReadResponse.encodeFixedPart(w, 1 << 20, 0));
        assertEquals(0x50, fixed.length);
        assertEquals(1 << 20, Msg.u32(fixed, 68));
        assertEquals(0x51, Msg.response(ReadResponse.of(new byte[0], 0, 0)::encode).length);
    }

    @Test
    void write() {
        byte[] b = Msg.response(new WriteResponse(12345)::encode);
        assertEquals(17, Msg.u16(b, 64));
        assertEquals(12345, Msg.u32(b, 68));
    }

    @Test
    void oplockAndLeaseBreaks() {
        byte[] n = Msg.response(new OplockBreakNotification(OplockLevel.LEVEL_II, FID)::encode);
        assertEquals(64 + 24, n.length);
        assertEquals(24, Msg.u16(n, 64));
        assertEquals(1, n[66]);
        assertEquals(FID, FileId.decode(Msg.reader(n), 72));
        byte[] r = Msg.response(new OplockBreakResponse(OplockLevel.NONE, FID)::encode);
        assertEquals(64 + 24, r.length);
        LeaseKey key = new LeaseKey(0x1111, 0x2222);
        byte[] ln = Msg.response(new LeaseBreakNotification(3, LeaseBreakNotification.FLAG_ACK_REQUIRED, key,
                LeaseState.READ_CACHING | LeaseState.WRITE_CACHING, LeaseState.READ_CACHING)::encode);
        assertEquals(64 + 44, ln.length);
        assertEquals(44, Msg.u16(ln, 64));
        assertEquals(3, Msg.u16(ln, 66));
        assertEquals(1, Msg.u32(ln, 68));
        assertEquals(key, LeaseKey.decode(Msg.reader(ln), 72));
        assertEquals(5, Msg.u32(ln, 88));
        assertEquals(1, Msg.u32(ln, 92));
        byte[] la = Msg.response(new LeaseBreakAckResponse(key, LeaseState.READ_CACHING)::encode);
        assertEquals(64 + 36, la.length);
        assertEquals(36, Msg.u16(la, 64));
        assertEquals(1, Msg.u32(la, 88));
    }

    @Test
    void ioctlOffsets() {
        byte[] out = new ValidateNegotiateInfoResponse(0x2F, new byte[16], 1, Dialect.SMB_3_0_2).toBytes();
        assertEquals(24, out.length);
        byte[] b = Msg.response(IoctlResponse.of(Fsctl.VALIDATE_NEGOTIATE_INFO, FID, out)::encode);
        assertEquals(49, Msg.u16(b, 64));
        assertEquals(Fsctl.VALIDATE_NEGOTIATE_INFO, Msg.u32(b, 68));
        assertEquals(0x70, Msg.u32(b, 88), "InputOffset");
        assertEquals(0, Msg.u32(b, 92));
        assertEquals(0x70, Msg.u32(b, 96), "OutputOffset");
        assertEquals(24, Msg.u32(b, 100));
        ValidateNegotiateInfoResponse v = ValidateNegotiateInfoResponse.decode(Arrays.copyOfRange(b, 0x70, 0x88));
        assertEquals(Dialect.SMB_3_0_2, v.dialect());
        byte[] both = Msg.response(new IoctlResponse(1, FID, new byte[3], new byte[5], 0)::encode);
        assertEquals(0x70, Msg.u32(both, 88));
        assertEquals(0x78, Msg.u32(both, 96), "output 8-byte aligned after the input");
        assertEquals(0x78 + 5, both.length);
    }

    @Test
    void outputBufferResponses() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        for (var enc : List.<java.util.function.Consumer<WireWriter>>of(
                new QueryDirectoryResponse(data, 1, 4)::encode, new ChangeNotifyResponse(data, 1, 4)::encode,
                new QueryInfoResponse(data, 1, 4)::encode)) {
            byte[] b = Msg.response(enc);
            assertEquals(9, Msg.u16(b, 64));
            assertEquals(0x48, Msg.u16(b, 66));
            assertEquals(4, Msg.u32(b, 68));
            assertArrayEquals(new byte[] {2, 3, 4, 5}, Arrays.copyOfRange(b, 0x48, 0x4C));
            assertEquals(0x4C, b.length);
        }
        assertEquals(0x49, Msg.response(QueryInfoResponse.of(new byte[0])::encode).length);
    }
}
