package org.bossa.dcerpc;

import static org.bossa.dcerpc.PduTestSupport.SRVSVC;
import static org.bossa.dcerpc.PduTestSupport.bind;
import static org.bossa.dcerpc.PduTestSupport.bindSrvsvc;
import static org.bossa.dcerpc.PduTestSupport.ctx;
import static org.bossa.dcerpc.PduTestSupport.drain;
import static org.bossa.dcerpc.PduTestSupport.fault;
import static org.bossa.dcerpc.PduTestSupport.header;
import static org.bossa.dcerpc.PduTestSupport.hex;
import static org.bossa.dcerpc.PduTestSupport.request;
import static org.bossa.dcerpc.PduTestSupport.single;
import static org.bossa.dcerpc.PduTestSupport.srvsvc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamedPipeTest {
    private static final UUID OTHER = UUID.fromString("12345778-1234-abcd-ef00-0123456789ab");
    private static final RpcCallContext CTX = new RpcCallContext("alice", "EXAMPLE", "127.0.0.1");

    /** Stub of every call srvsvc ran. */
    private final List<byte[]> calls = new ArrayList<>();

    /** Stands in for srvsvc v3.0: opnum 0 echoes, 1 answers N zero-free bytes, 2 bad stub, 3 crashes. */
    private final RpcInterface srvsvc = srvsvc((opnum, stub) -> {
        calls.add(stub);
        return switch (opnum) {
            case 0 -> stub;
            case 1 -> {
                byte[] b = new byte[new NdrReader(stub).u32()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i * 7 + 1);
                }
                yield b;
            }
            case 2 -> {
                new NdrReader(stub).u64();
                yield new byte[0];
            }
            case 3 -> throw new IllegalStateException("bug");
            default -> throw new RpcFault(FaultStatus.OP_RNG_ERROR);
        };
    });
    private final PipeRegistry registry = new PipeRegistry(Map.of("srvsvc", List.of(srvsvc)));

    private NamedPipe open() {
        return registry.open("srvsvc", CTX).orElseThrow();
    }

    private NamedPipe bound() throws Exception {
        return bindSrvsvc(open());
    }

    private static byte[] u32(int v) {
        return new NdrWriter().u32(v).toByteArray();
    }

    @Test
    void registryMatchesNamesCaseInsensitivelyWithOrWithoutPipePrefix() {
        assertTrue(registry.open("srvsvc", CTX).isPresent());
        assertTrue(registry.open("\\PIPE\\SrvSvc", CTX).isPresent());
        assertTrue(registry.open("\\pipe\\srvsvc", CTX).isPresent());
        assertTrue(registry.open("\\srvsvc", CTX).isPresent());
        assertFalse(registry.open("lsarpc", CTX).isPresent());
        assertFalse(registry.open(null, CTX).isPresent());
    }

    @Test
    void bindWithNdr20Ndr64AndFeatureNegotiationAnswersLikeSamba() throws Exception {
        NamedPipe p = open(); // first open of this registry: assoc group 0x5351
        p.write(hex(SambaVectors.BIND_3_CONTEXTS));
        byte[] ack = single(p);
        assertArrayEquals(hex(SambaVectors.BIND_ACK_3_CONTEXTS), ack);
        BindAckPdu a = BindAckPdu.decode(ack, header(ack));
        assertEquals("\\PIPE\\srvsvc", a.secondaryAddress());
        assertEquals(ContextResult.ACCEPTANCE, a.results().get(0).result());
        assertEquals(SyntaxId.NDR20, a.results().get(0).transferSyntax());
        assertEquals(ContextResult.PROVIDER_REJECTION, a.results().get(1).result());
        assertEquals(ContextResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED, a.results().get(1).reason());
        assertEquals(ContextResult.NEGOTIATE_ACK, a.results().get(2).result());
    }

    @Test
    void unknownInterfaceIsRejectedPerContextAndNdr20AmongSeveralIsChosen() throws Exception {
        NamedPipe p = open();
        p.write(bind(5, 5840, 5840, ctx(0, OTHER, 1, SyntaxId.NDR20), ctx(1, SRVSVC, 3, SyntaxId.NDR64, SyntaxId.NDR20),
                ctx(2, SRVSVC, 2, SyntaxId.NDR20), ctx(3, SRVSVC, 3, SyntaxId.NDR64)));
        byte[] ack = single(p);
        BindAckPdu a = BindAckPdu.decode(ack, header(ack));
        assertEquals(5, a.callId());
        assertEquals(4280, a.maxXmitFrag());
        assertEquals(4280, a.maxRecvFrag());
        assertEquals(List.of(ContextResult.reject(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                ContextResult.accept(SyntaxId.NDR20),
                ContextResult.reject(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                ContextResult.reject(ContextResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED)), a.results());
        // only context 1 works
        p.write(request(6, 1, 0, u32(77)));
        assertEquals(PduType.RESPONSE, header(single(p)).type());
        p.write(request(7, 3, 0, u32(77)));
        assertEquals(FaultStatus.UNKNOWN_IF, fault(single(p)).status());
    }

    @Test
    void unknownOpnumFaultsWithOpRangeError() throws Exception {
        NamedPipe p = bound();
        p.write(request(7, 0, 99, new byte[0]));
        byte[] f = single(p);
        assertArrayEquals(hex(SambaVectors.FAULT_OP_RNG), f); // 0x1c010002, DID_NOT_EXECUTE, call 7
    }

    @Test
    void largeResponseIsSplitAtMaxXmitFrag() throws Exception {
        for (int maxRecv : new int[] {1432, 4280, 5840}) {
            NamedPipe p = open();
            p.write(bind(1, 4280, maxRecv, ctx(0, SRVSVC, 3, SyntaxId.NDR20)));
            byte[] ack = single(p);
            int maxXmit = BindAckPdu.decode(ack, header(ack)).maxXmitFrag();
            assertEquals(Math.min(maxRecv, 4280), maxXmit);
            p.write(request(2, 0, 1, u32(20000)));
            List<byte[]> frags = drain(p);
            assertTrue(frags.size() > 1);
            byte[] stub = PduTestSupport.reassemble(frags, 2, maxXmit);
            assertEquals(20000, stub.length);
            for (int i = 0; i < stub.length; i++) {
                assertEquals((byte) (i * 7 + 1), stub[i]);
            }
            // alloc_hint of the first fragment is the whole stub
            assertEquals(20000, ResponsePdu.decode(frags.get(0), header(frags.get(0))).allocHint());
        }
    }

    @Test
    void fragmentedRequestIsReassembled() throws Exception {
        NamedPipe p = bound();
        byte[] stub = new byte[3000];
        Arrays.fill(stub, (byte) 0x5a);
        byte[] f1 = new RequestPdu(PfcFlags.FIRST_FRAG, 3, 3000, 0, 0, null, Arrays.copyOfRange(stub, 0, 1000)).encode();
        byte[] f2 = new RequestPdu(0, 3, 2000, 0, 0, null, Arrays.copyOfRange(stub, 1000, 2000)).encode();
        byte[] f3 = new RequestPdu(PfcFlags.LAST_FRAG, 3, 1000, 0, 0, null, Arrays.copyOfRange(stub, 2000, 3000)).encode();
        p.write(f1);
        assertEquals(0, p.available());
        p.write(f2);
        assertEquals(0, p.available());
        // the last fragment and nothing else, in two partial writes
        p.write(f3, 0, 10);
        p.write(f3, 10, f3.length - 10);
        byte[] echoed = PduTestSupport.reassemble(drain(p), 3, 4280);
        assertArrayEquals(stub, echoed);
        assertEquals(1, calls.size());
    }

    @Test
    void byteByByteWritesAndSeveralPdusInOneWrite() throws Exception {
        NamedPipe p = open();
        byte[] b = bind(1, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20));
        for (byte x : b) {
            p.write(new byte[] {x});
        }
        assertEquals(PduType.BIND_ACK, header(single(p)).type());
        byte[] r1 = request(2, 0, 0, u32(1));
        byte[] r2 = request(3, 0, 0, u32(2));
        byte[] both = new byte[r1.length + r2.length];
        System.arraycopy(r1, 0, both, 0, r1.length);
        System.arraycopy(r2, 0, both, r1.length, r2.length);
        p.write(both);
        List<byte[]> replies = drain(p);
        assertEquals(2, replies.size());
        assertEquals(2, header(replies.get(0)).callId());
        assertEquals(3, header(replies.get(1)).callId());
    }

    @Test
    void shortReadsReportMoreAndTransceiveWritesThenReads() throws Exception {
        NamedPipe p = open();
        PipeRead r = p.transceive(bind(1, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20)), 20);
        assertEquals(20, r.data().length);
        assertTrue(r.more());
        int total = 20 + p.available();
        assertEquals(p.available(), p.nextMessageLength());
        PipeRead rest = p.read(4096);
        assertFalse(rest.more());
        assertEquals(total - 20, rest.data().length);
        assertTrue(p.read(4096).isEmpty());
        assertEquals(0, p.available());
    }

    @Test
    void faultsForBadStubsCrashesAndOutOfOrderPdus() throws Exception {
        NamedPipe p = open();
        p.write(request(1, 0, 0, new byte[0])); // before bind
        assertEquals(FaultStatus.PROTO_ERROR, fault(single(p)).status());

        p.write(bind(2, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20)));
        assertEquals(PduType.BIND_ACK, header(single(p)).type());
        p.write(bind(3, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20))); // second bind
        assertEquals(PduType.BIND_NAK, header(single(p)).type());

        p.write(request(4, 0, 2, new byte[3])); // stub too short for the interface
        FaultPdu f = fault(single(p));
        assertEquals(FaultStatus.BAD_STUB_DATA, f.status());
        assertEquals(4, f.callId());

        p.write(request(5, 0, 3, new byte[0])); // the interface throws
        assertEquals(FaultStatus.OTHER, fault(single(p)).status());

        // a middle fragment with no call in progress
        p.write(new RequestPdu(0, 6, 0, 0, 0, null, new byte[8]).encode());
        assertEquals(FaultStatus.PROTO_ERROR, fault(single(p)).status());

        // the pipe still works
        p.write(request(8, 0, 0, u32(1)));
        assertEquals(PduType.RESPONSE, header(single(p)).type());
    }

    @Test
    void alterContextAddsAContext() throws Exception {
        NamedPipe p = bound();
        byte[] alter = new BindPdu(PduType.ALTER_CONTEXT, 3, 9, 4280, 4280, 0,
                List.of(ctx(1, SRVSVC, 3, SyntaxId.NDR20)), null).encode();
        p.write(alter);
        byte[] resp = single(p);
        BindAckPdu a = BindAckPdu.decode(resp, header(resp));
        assertEquals(PduType.ALTER_CONTEXT_RESP, a.type());
        assertEquals("", a.secondaryAddress());
        assertEquals(ContextResult.ACCEPTANCE, a.results().get(0).result());
        p.write(request(10, 1, 0, u32(3)));
        assertEquals(PduType.RESPONSE, header(single(p)).type());
    }

    @Test
    void bindWithAuthOrTinyFragmentsIsNaked() throws Exception {
        NamedPipe p = open();
        byte[] authVerifier = new byte[8 + 16]; // sec_trailer + a 16-byte token
        authVerifier[0] = 10; // NTLMSSP
        authVerifier[1] = 2;  // connect
        p.write(new BindPdu(PduType.BIND, 3, 1, 4280, 4280, 0, List.of(ctx(0, SRVSVC, 3, SyntaxId.NDR20)),
                authVerifier).encode());
        byte[] nak = single(p);
        assertEquals(BindNakPdu.AUTHENTICATION_TYPE_NOT_RECOGNIZED, BindNakPdu.decode(nak, header(nak)).rejectReason());

        NamedPipe q = open();
        q.write(bind(1, 100, 100, ctx(0, SRVSVC, 3, SyntaxId.NDR20)));
        assertEquals(PduType.BIND_NAK, header(single(q)).type());
    }

    @Test
    void requestsCarryingAuthAreDenied() throws Exception {
        NamedPipe p = bound();
        byte[] r = request(4, 0, 0, new byte[32]);
        r[10] = 8; // auth_length 8: the last 16 bytes become sec_trailer + token
        p.write(r);
        assertEquals(FaultStatus.ACCESS_DENIED, fault(single(p)).status());
    }

    @Test
    void closedPipeIgnoresWrites() throws Exception {
        NamedPipe p = bound();
        p.close();
        p.write(request(2, 0, 0, u32(1)));
        assertTrue(p.read(100).isEmpty());
    }
}
