package org.bossa.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.dcerpc.Auth3Pdu;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.BindNakPdu;
import org.bossa.dcerpc.BindPdu;
import org.bossa.dcerpc.FaultPdu;
import org.bossa.dcerpc.PduFormatException;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.RequestPdu;
import org.bossa.dcerpc.ResponsePdu;

/**
 * One connection-oriented DCE/RPC PDU (C706 12.6, MS-RPCE 2.2.2): the common header, then the body
 * its type names (bind and alter_context, request, auth3 from SMB clients on the server pipes;
 * bind_ack, bind_nak, response and fault from a DC on the client side) and the auth verifier
 * trailer. Failures must be PduFormatException. A PDU that decodes must re-encode to bytes that decode
 * and encode to the same bytes (the round trip decode(encode(decode(x))) == decode(x)).
 */
class DcerpcPduFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void pdu(byte[] pdu) throws PduFormatException {
        PduHeader h;
        try {
            h = PduHeader.decode(pdu, 0, pdu.length);
        } catch (PduFormatException e) {
            return;
        }
        byte[] once;
        try {
            once = encode(pdu, h);
        } catch (PduFormatException e) {
            once = null; // bind_nak or fault to the peer, or a protocol error on the client side
        }
        if (once != null) {
            assertArrayEquals(once, encode(once, PduHeader.decode(once, 0, once.length)), h.type() + " round trip");
        }
        if (h.authLength() > 0) {
            try {
                AuthVerifier.decode(pdu, h);
            } catch (PduFormatException e) {
                // refused
            }
        }
    }

    /** The PDU decoded as its type and encoded again; null for types with no body decoder. */
    private static byte[] encode(byte[] pdu, PduHeader h) throws PduFormatException {
        return switch (h.type()) {
            case BIND, ALTER_CONTEXT -> BindPdu.decode(pdu, h).encode();
            case REQUEST -> RequestPdu.decode(pdu, h).encode();
            case AUTH3 -> Auth3Pdu.decode(pdu, h).encode();
            case BIND_ACK, ALTER_CONTEXT_RESP -> BindAckPdu.decode(pdu, h).encode();
            case BIND_NAK -> BindNakPdu.decode(pdu, h).encode();
            case RESPONSE -> ResponsePdu.decode(pdu, h).encode();
            case FAULT -> FaultPdu.decode(pdu, h).encode();
            default -> null;
        };
    }
}
