package org.bossa.dcerpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Client-side helpers for pipe tests: build PDUs, drain a pipe, reassemble a fragmented response. */
final class PduTestSupport {
    static final UUID SRVSVC = UUID.fromString("4b324fc8-1670-01d3-1278-5a47bf6ee188");

    private PduTestSupport() {
    }

    /** The operations of a fake interface: opnum and stub in, response stub out. */
    @FunctionalInterface
    interface Operations {
        byte[] invoke(int opnum, byte[] stub) throws RpcFault;
    }

    /** A fake srvsvc v3.0 (the interface {@link #bindSrvsvc} binds) running {@code operations}. */
    static RpcInterface srvsvc(Operations operations) {
        return new RpcInterface() {
            @Override
            public UUID uuid() {
                return SRVSVC;
            }

            @Override
            public int versionMajor() {
                return 3;
            }

            @Override
            public int versionMinor() {
                return 0;
            }

            @Override
            public byte[] invoke(int opnum, byte[] stub, RpcCallContext ctx) throws RpcFault {
                return operations.invoke(opnum, stub);
            }
        };
    }

    /** Binds srvsvc v3.0 with NDR 2.0 as context 0 (call id 1) on a fresh pipe; asserts the BIND_ACK. */
    static NamedPipe bindSrvsvc(NamedPipe pipe) throws PduFormatException {
        pipe.write(bind(1, 4280, 4280, ctx(0, SRVSVC, 3, SyntaxId.NDR20)));
        assertEquals(PduType.BIND_ACK, header(single(pipe)).type());
        return pipe;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static byte[] bind(int callId, int maxXmit, int maxRecv, PresentationContext... contexts) {
        return new BindPdu(PduType.BIND, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId, maxXmit, maxRecv, 0,
                List.of(contexts), null).encode();
    }

    static PresentationContext ctx(int id, UUID iface, int major, SyntaxId... transfers) {
        return new PresentationContext(id, new SyntaxId(iface, major, 0), List.of(transfers));
    }

    static byte[] request(int callId, int contextId, int opnum, byte[] stub) {
        return new RequestPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId, stub.length, contextId, opnum, null,
                stub).encode();
    }

    /** Every message pending on the pipe, each read whole. */
    static List<byte[]> drain(NamedPipe pipe) {
        List<byte[]> out = new ArrayList<>();
        while (true) {
            PipeRead r = pipe.read(0x10000);
            if (r.isEmpty()) {
                return out;
            }
            assertFalse(r.more());
            out.add(r.data());
        }
    }

    static PduHeader header(byte[] pdu) throws PduFormatException {
        PduHeader h = PduHeader.decode(pdu, 0, pdu.length);
        assertEquals(pdu.length, h.fragLength());
        return h;
    }

    static byte[] single(NamedPipe pipe) {
        List<byte[]> msgs = drain(pipe);
        assertEquals(1, msgs.size(), "one reply PDU");
        return msgs.get(0);
    }

    static FaultPdu fault(byte[] pdu) throws PduFormatException {
        PduHeader h = header(pdu);
        assertEquals(PduType.FAULT, h.type());
        return FaultPdu.decode(pdu, h);
    }

    /** Reassembles RESPONSE fragments as a client does, checking flags, call id and sizes. */
    static byte[] reassemble(List<byte[]> fragments, int callId, int maxFrag) throws PduFormatException {
        ByteArrayOutputStream stub = new ByteArrayOutputStream();
        for (int i = 0; i < fragments.size(); i++) {
            byte[] f = fragments.get(i);
            assertTrue(f.length <= maxFrag, "fragment of " + f.length + " > " + maxFrag);
            PduHeader h = header(f);
            assertEquals(PduType.RESPONSE, h.type());
            assertEquals(callId, h.callId());
            assertEquals(i == 0, h.has(PfcFlags.FIRST_FRAG), "FIRST_FRAG on fragment " + i);
            assertEquals(i == fragments.size() - 1, h.has(PfcFlags.LAST_FRAG), "LAST_FRAG on fragment " + i);
            ResponsePdu r = ResponsePdu.decode(f, h);
            stub.writeBytes(r.stub());
        }
        return stub.toByteArray();
    }
}
