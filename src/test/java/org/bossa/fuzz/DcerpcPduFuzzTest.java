package org.bossa.fuzz;

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
 * trailer. Failures must be PduFormatException.
 */
class DcerpcPduFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void pdu(byte[] pdu) {
        PduHeader h;
        try {
            h = PduHeader.decode(pdu, 0, pdu.length);
        } catch (PduFormatException e) {
            return;
        }
        try {
            switch (h.type()) {
                case BIND, ALTER_CONTEXT -> BindPdu.decode(pdu, h);
                case REQUEST -> RequestPdu.decode(pdu, h);
                case AUTH3 -> Auth3Pdu.decode(pdu, h);
                case BIND_ACK, ALTER_CONTEXT_RESP -> BindAckPdu.decode(pdu, h);
                case BIND_NAK -> BindNakPdu.decode(pdu, h);
                case RESPONSE -> ResponsePdu.decode(pdu, h);
                case FAULT -> FaultPdu.decode(pdu, h);
                default -> {
                }
            }
        } catch (PduFormatException e) {
            // bind_nak or fault to the peer, or a protocol error on the client side
        }
        if (h.authLength() > 0) {
            try {
                AuthVerifier.decode(pdu, h);
            } catch (PduFormatException e) {
                // refused
            }
        }
    }
}
