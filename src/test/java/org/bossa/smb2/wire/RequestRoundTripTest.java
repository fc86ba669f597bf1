package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestRoundTripTest {

    static Stream<Samples.Case> cases() {
        return Samples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodeDecodeEncodeIsStable(Samples.Case c) {
        Object decoded = c.decoder().apply(Msg.reader(c.message()));
        if (!c.name().equals("WRITE")) {
            assertArrayEquals(c.message(), c.reencode().apply(decoded), c.name());
        }
        assertEquals(c.structureSize(), Msg.u16(c.message(), 64));
    }

    @Test
    void createFieldsSurvive() {
        CreateRequest in = Samples.create();
        CreateRequest out = CreateRequest.decode(Msg.reader(Msg.request(Smb2Command.CREATE, in::encode)));
        assertEquals(in, out);
        assertEquals("dir\\file.txt", out.name());
        assertEquals(CreateDisposition.OPEN_IF, out.createDisposition());
        assertEquals(OplockLevel.LEASE, out.requestedOplockLevel());
        assertEquals(3, out.contexts().size());
        assertTrue(CreateContexts.find(out.contexts(), CreateContexts.REQUEST_LEASE).isPresent());
        assertEquals(32, CreateContexts.find(out.contexts(), "RqLs").orElseThrow().dataLength());
        assertFalse(CreateContexts.contains(out.contexts(), CreateContexts.DURABLE_HANDLE_REQUEST_V2));
        assertTrue(out.hasOption(CreateOptions.FILE_NON_DIRECTORY_FILE));
    }

    @Test
    void createWithoutNameOrContexts() {
        CreateRequest in = CreateRequest.of("", 0x80, 0, ShareAccess.ALL, CreateDisposition.OPEN,
                CreateOptions.FILE_DIRECTORY_FILE, OplockLevel.NONE, List.of());
        byte[] msg = Msg.request(Smb2Command.CREATE, in::encode);
        assertEquals(64 + 57, msg.length);
        assertEquals(in, CreateRequest.decode(Msg.reader(msg)));
    }

    @Test
    void guidNamedContextRoundTrips() {
        CreateRequest in = CreateRequest.of("x", 1, 0, 0, CreateDisposition.OPEN, 0, OplockLevel.NONE,
                List.of(new CreateContext(CreateContexts.APP_INSTANCE_ID, new byte[20])));
        CreateRequest out = CreateRequest.decode(Msg.reader(Msg.request(Smb2Command.CREATE, in::encode)));
        assertEquals(16, out.contexts().get(0).nameBytes().length);
        assertEquals(0x45, out.contexts().get(0).nameBytes()[0] & 0xFF);
        assertTrue(CreateContexts.contains(out.contexts(), CreateContexts.APP_INSTANCE_ID));
    }

    @Test
    void treeConnectPaths() {
        TreeConnectRequest plain = TreeConnectRequest.decode(Msg.reader(Samples.all().get(1).message()));
        assertEquals("\\\\server\\share", plain.path());
        assertFalse(plain.hasExtension());
        byte[] ext = Samples.all().get(2).message();
        assertEquals(88, Msg.u16(ext, 68), "PathOffset points past the 16-byte extension header");
        TreeConnectRequest e = TreeConnectRequest.decode(Msg.reader(ext));
        assertTrue(e.hasExtension());
        assertEquals("\\\\srv\\ipc$", e.path());
    }

    @Test
    void writeDataIsAViewOfTheMessage() {
        byte[] msg = Samples.encodeWrite(Samples.write(), Samples.DATA);
        WireReader r = Msg.reader(msg);
        WriteRequest w = WriteRequest.decode(r);
        assertEquals(WriteRequest.BUFFER_OFFSET, w.dataOffset());
        assertEquals(0x70, w.dataOffset());
        assertEquals(Samples.DATA.length, w.dataLength());
        assertEquals(4096, w.offset());
        assertEquals(Samples.FID, w.fileId());
        ByteBuffer data = w.data(r);
        assertTrue(data.isReadOnly());
        byte[] got = new byte[data.remaining()];
        data.get(got);
        assertArrayEquals(Samples.DATA, got);
        assertEquals(w.dataOffset(), r.absolute(w.dataOffset(), w.dataLength()));
        // the view shares the receive buffer: a change to the message shows through
        msg[0x70] = 'J';
        assertEquals('J', w.data(r).get(0));
    }

    @Test
    void lockFields() {
        LockRequest in = Samples.lock();
        LockRequest out = LockRequest.decode(Msg.reader(Msg.request(Smb2Command.LOCK, in::encode)));
        assertEquals(in, out);
        assertEquals(5, out.lockSequenceNumber());
        assertEquals(3, out.lockSequenceIndex());
        assertTrue(out.locks().get(0).hasValidFlags());
        assertTrue(out.locks().get(1).failImmediately());
        assertFalse(new LockElement(0, 1, LockElement.FLAG_UNLOCK | LockElement.FLAG_SHARED_LOCK).hasValidFlags());
        assertTrue(new LockElement(-2, 5, LockElement.FLAG_SHARED_LOCK).wraps());
        assertFalse(new LockElement(-2, 2, LockElement.FLAG_SHARED_LOCK).wraps());
    }

    @Test
    void ioctlCarriesValidateNegotiateInfo() {
        IoctlRequest in = Samples.ioctl();
        byte[] msg = Msg.request(Smb2Command.IOCTL, in::encode);
        assertEquals(0x78, Msg.u32(msg, 64 + 24), "InputOffset");
        IoctlRequest out = IoctlRequest.decode(Msg.reader(msg));
        assertEquals(Fsctl.VALIDATE_NEGOTIATE_INFO, out.ctlCode());
        assertTrue(out.isFsctl());
        assertTrue(out.fileId().isRelatedSentinel());
        ValidateNegotiateInfoRequest vni = ValidateNegotiateInfoRequest.decode(out.input());
        assertEquals(List.of(0x202, 0x210, 0x300, 0x302), vni.dialects());
        assertEquals(0x7F, vni.capabilities());
        assertEquals(1, vni.securityMode());
    }

    @Test
    void oplockBreakKindIsChosenByStructureSize() {
        List<Samples.Case> all = Samples.all();
        byte[] oplock = all.stream().filter(c -> c.name().equals("OPLOCK_BREAK")).findFirst().orElseThrow().message();
        byte[] lease = all.stream().filter(c -> c.name().equals("LEASE_BREAK_ACK")).findFirst().orElseThrow()
                .message();
        assertFalse(OplockBreakRequest.isLeaseBreakAck(Msg.reader(oplock)));
        assertTrue(OplockBreakRequest.isLeaseBreakAck(Msg.reader(lease)));
        Msg.assertStatus(NtStatus.INVALID_PARAMETER,
                () -> OplockBreakRequest.isLeaseBreakAck(Msg.reader(Msg.patch(oplock, 64, 2, 44))));
        LeaseBreakAckRequest l = LeaseBreakAckRequest.decode(Msg.reader(lease));
        assertEquals(new LeaseKey(1, 2), l.leaseKey());
        assertEquals(LeaseState.READ_CACHING, l.leaseState());
    }

    @Test
    void queryAndSetInfoFields() {
        QueryInfoRequest q = QueryInfoRequest.of(InfoType.SECURITY, 0, 1024,
                SecurityInformation.OWNER | SecurityInformation.DACL, Samples.FID);
        QueryInfoRequest qd = QueryInfoRequest.decode(Msg.reader(Msg.request(Smb2Command.QUERY_INFO, q::encode)));
        assertEquals(InfoType.SECURITY, qd.infoType());
        assertEquals(5, qd.additionalInformation());
        assertEquals(0, qd.input().length);
        SetInfoRequest s = new SetInfoRequest(InfoType.FILE, 0x0D, new byte[] {1}, 0, Samples.FID);
        SetInfoRequest sd = SetInfoRequest.decode(Msg.reader(Msg.request(Smb2Command.SET_INFO, s::encode)));
        assertArrayEquals(new byte[] {1}, sd.buffer());
        assertEquals(0x0D, sd.fileInfoClass());
    }

    @Test
    void queryDirectoryPattern() {
        QueryDirectoryRequest q = new QueryDirectoryRequest(0x25, QueryDirectoryRequest.FLAG_REOPEN, 0,
                Samples.FID, "f\u00fc\uD83D\uDE00*", 8192);
        byte[] msg = Msg.request(Smb2Command.QUERY_DIRECTORY, q::encode);
        assertEquals(0x60, Msg.u16(msg, 64 + 24));
        assertEquals(q, QueryDirectoryRequest.decode(Msg.reader(msg)));
    }
}
