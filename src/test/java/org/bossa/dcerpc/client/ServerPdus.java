package org.bossa.dcerpc.client;

import java.util.List;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultPdu;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.ResponsePdu;
import org.bossa.dcerpc.SyntaxId;

/** The server's side of test exchanges: bind_acks, responses and faults as a server encodes them. */
final class ServerPdus {
    static final int FIRST_LAST = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;

    private ServerPdus() {
    }

    /** A bind_ack accepting NDR20 on the first context and answering the feature negotiation. */
    static byte[] bindAck(int callId, int maxXmit, int maxRecv) {
        return new BindAckPdu(PduType.BIND_ACK, FIRST_LAST, callId, maxXmit, maxRecv, 0x1234, "49152", List.of(
                ContextResult.accept(SyntaxId.NDR20), new ContextResult(ContextResult.NEGOTIATE_ACK, 2, SyntaxId.NULL)))
                .encode();
    }

    static byte[] alterResp(int callId, ContextResult result) {
        return new BindAckPdu(PduType.ALTER_CONTEXT_RESP, FIRST_LAST, callId, 5840, 5840, 0x1234, "", List.of(result))
                .encode();
    }

    /** {@code pdu} with an auth verifier appended (header fields patched). */
    static byte[] withVerifier(byte[] pdu, byte[] verifier) {
        NdrWriter w = new NdrWriter(pdu.length + verifier.length);
        w.bytes(pdu).bytes(verifier);
        return PduHeader.finish(w, verifier.length - PduHeader.SEC_TRAILER_SIZE);
    }

    static byte[] response(int flags, int callId, int contextId, byte[] stub) {
        return new ResponsePdu(flags, callId, stub.length, contextId, 0, stub).encode();
    }

    static byte[] fault(int callId, int status, boolean didNotExecute) {
        return new FaultPdu(FIRST_LAST | (didNotExecute ? PfcFlags.DID_NOT_EXECUTE : 0), callId, 0, status).encode();
    }
}
