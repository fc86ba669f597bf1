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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, garbage and lying PDUs: the pipe answers with a fault or bind_nak and never throws. */
class MalformedPduTest {
    private static final RpcCallContext CTX = new RpcCallContext("u", "D", "::1");

    private static final RpcInterface ECHO = srvsvc((opnum, stub) -> {
        if (opnum != 15) {
            throw new RpcFault(FaultStatus.OP_RNG_ERROR);
        }
        NdrReader r = new NdrReader(stub);
        r.topLevelStringPointer();
        return new NdrWriter().u32(r.u32()).toByteArray();
    });

    private final PipeRegistry registry = new PipeRegistry(Map.of("srvsvc", List.of(ECHO)), 4280, 64 * 1024);

    private NamedPipe open() {
        return registry.open("srvsvc", CTX).orElseThrow();
    }

    private NamedPipe bound() throws Exception {
        return bindSrvsvc(open());
    }

    @Test
    void garbageYieldsOneProtocolErrorAndTheStreamRecovers() throws Exception {
        NamedPipe p = bound();
        p.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(FaultStatus.PROTO_ERROR, fault(single(p)).status());
        p.write(request(2, 0, 15, hex("00000000 07000000")));
        assertEquals(PduType.RESPONSE, header(single(p)).type());
    }

    @Test
    void truncatedPduWaitsForTheRestWithoutAnswering() throws Exception {
        NamedPipe p = bound();
        byte[] r = request(2, 0, 15, hex("00000000 07000000"));
        p.write(r, 0, 10);
        assertTrue(p.read(100).isEmpty());
        p.write(r, 10, 20);
        assertTrue(p.read(100).isEmpty());
        p.write(r, 30, r.length - 30);
        assertEquals(PduType.RESPONSE, header(single(p)).type());
    }

    @Test
    void fragLengthShorterThanTheHeaderIsAProtocolError() throws Exception {
        NamedPipe p = bound();
        byte[] r = request(3, 0, 15, hex("00000000 07000000"));
        r[8] = 12;
        r[9] = 0;
        p.write(r);
        FaultPdu f = fault(single(p));
        assertEquals(FaultStatus.PROTO_ERROR, f.status());
        assertEquals(3, f.callId());
    }

    @Test
    void bindWhoseFragLengthCutsTheContextListIsNaked() throws Exception {
        NamedPipe p = open();
        byte[] b = hex(SambaVectors.BIND_3_CONTEXTS);
        b[8] = 40; // claims 40 bytes: the context list no longer fits
        b[9] = 0;
        p.write(b);
        List<byte[]> replies = drain(p);
        assertEquals(PduType.BIND_NAK, header(replies.get(0)).type());
        // the rest of the bytes were not a PDU either: at most one more error, never an exception
        assertTrue(replies.size() <= 2);
    }

    @Test
    void bindWithWrongVersionIsNakedWithProtocolVersionNotSupported() throws Exception {
        NamedPipe p = open();
        byte[] b = hex(SambaVectors.BIND_3_CONTEXTS);
        b[1] = 3; // rpc_vers_minor 3
        p.write(b);
        byte[] nak = single(p);
        assertEquals(BindNakPdu.PROTOCOL_VERSION_NOT_SUPPORTED, BindNakPdu.decode(nak, header(nak)).rejectReason());
    }

    @Test
    void bigEndianBindIsNaked() throws Exception {
        NamedPipe p = open();
        byte[] b = hex(SambaVectors.BIND_3_CONTEXTS);
        b[4] = 0;
        p.write(b);
        assertEquals(PduType.BIND_NAK, header(single(p)).type());
    }

    @Test
    void lyingAuthLengthFaults() throws Exception {
        NamedPipe p = bound();
        byte[] r = request(4, 0, 15, hex("00000000 07000000"));
        r[10] = (byte) 0xff;
        p.write(r);
        assertEquals(FaultStatus.PROTO_ERROR, fault(single(p)).status());
    }

    @Test
    void oversizedReassemblyIsRefusedAndTheRestOfTheCallDropped() throws Exception {
        NamedPipe p = bound();
        byte[] chunk = new byte[4000];
        p.write(new RequestPdu(PfcFlags.FIRST_FRAG, 5, 0, 0, 15, null, chunk).encode());
        FaultPdu f = null;
        for (int i = 0; i < 20 && f == null; i++) {
            p.write(new RequestPdu(0, 5, 0, 0, 15, null, chunk).encode());
            List<byte[]> out = drain(p);
            if (!out.isEmpty()) {
                f = fault(out.get(0));
            }
        }
        assertEquals(FaultStatus.REMOTE_NO_MEMORY, f.status());
        p.write(new RequestPdu(0, 5, 0, 0, 15, null, chunk).encode());
        p.write(new RequestPdu(PfcFlags.LAST_FRAG, 5, 0, 0, 15, null, chunk).encode());
        assertTrue(drain(p).isEmpty());
    }

    @Test
    void undecodableStubFaultsWithBadStubData() throws Exception {
        NamedPipe p = bound();
        p.write(request(6, 0, 15, hex("00000200 ffffffff 00000000 ffffffff")));
        assertEquals(FaultStatus.BAD_STUB_DATA, fault(single(p)).status());
    }

    /** Random bytes and random mutations of valid PDUs: every reply is a well-formed PDU, nothing throws. */
    @Test
    void fuzzedInputNeverThrows() throws Exception {
        Random rnd = new Random(4711);
        byte[][] seeds = {hex(SambaVectors.BIND_3_CONTEXTS), hex(SambaVectors.REQUEST_SHARE_ENUM_L1),
                bind(1, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20))};
        for (int i = 0; i < 3000; i++) {
            NamedPipe p = rnd.nextBoolean() ? open() : bound();
            byte[] in;
            if (i % 5 == 0) {
                in = new byte[rnd.nextInt(200)];
                rnd.nextBytes(in);
            } else {
                in = seeds[rnd.nextInt(seeds.length)].clone();
                for (int m = 1 + rnd.nextInt(4); m > 0; m--) {
                    in[rnd.nextInt(in.length)] = (byte) rnd.nextInt(256);
                }
                if (rnd.nextInt(4) == 0) {
                    in = java.util.Arrays.copyOf(in, rnd.nextInt(in.length));
                }
            }
            int off = 0;
            while (off < in.length) {
                int n = 1 + rnd.nextInt(in.length - off);
                p.write(in, off, n);
                off += n;
            }
            for (byte[] reply : drain(p)) {
                PduHeader h = header(reply);
                assertTrue(h.type() == PduType.BIND_ACK || h.type() == PduType.BIND_NAK || h.type() == PduType.FAULT
                        || h.type() == PduType.RESPONSE || h.type() == PduType.ALTER_CONTEXT_RESP, h.type().toString());
            }
            p.close();
        }
    }
}
