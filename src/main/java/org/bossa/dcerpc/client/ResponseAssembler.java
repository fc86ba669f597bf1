package org.bossa.dcerpc.client;

import java.io.ByteArrayOutputStream;
import org.bossa.dcerpc.FaultPdu;
import org.bossa.dcerpc.PduFormatException;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.ResponsePdu;

/**
 * Reassembles the answer to one call from its RESPONSE fragments (C706 12.6.4.10, MS-RPCE
 * 3.3.2.5.2), checking each: its call id, its type (RESPONSE, or a FAULT that ends the call), its
 * flags (PFC_FIRST_FRAG on the first fragment only, nothing but PFC_FIRST_FRAG and PFC_LAST_FRAG),
 * its presentation context, its verifier when the connection is protected, and the total size
 * against the bound. alloc_hint is never trusted to size anything.
 */
final class ResponseAssembler {
    private static final int ALLOWED_FLAGS = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;

    private final int callId;
    private final int contextId;
    private final int maxSize;
    private final PduProtection protection;
    private final ByteArrayOutputStream stub = new ByteArrayOutputStream();
    private boolean first = true;

    ResponseAssembler(int callId, int contextId, int maxSize, PduProtection protection) {
        this.callId = callId;
        this.contextId = contextId;
        this.maxSize = maxSize;
        this.protection = protection;
    }

    /**
     * Takes the next PDU of the answer (its length is its frag_length); true when it was the last.
     *
     * @throws RpcFaultException when the server answered with a FAULT
     */
    boolean take(byte[] pdu) throws RpcFaultException, RpcProtocolException, RpcSecurityException {
        PduHeader h;
        try {
            h = PduHeader.decode(pdu, 0, pdu.length);
        } catch (PduFormatException e) {
            throw new RpcProtocolException("answer to call " + Integer.toUnsignedString(callId) + ": " + e.getMessage());
        }
        if (h.callId() != callId) {
            throw new RpcProtocolException(h.type() + " for call " + Integer.toUnsignedString(h.callId())
                    + " while call " + Integer.toUnsignedString(callId) + " is outstanding");
        }
        if (h.type() == PduType.FAULT) {
            try {
                FaultPdu f = FaultPdu.decode(pdu, h);
                throw new RpcFaultException(f.status(), h.has(PfcFlags.DID_NOT_EXECUTE));
            } catch (PduFormatException e) {
                throw new RpcProtocolException("fault for call " + Integer.toUnsignedString(callId) + ": " + e.getMessage());
            }
        }
        if (h.type() != PduType.RESPONSE) {
            throw new RpcProtocolException(h.type() + " in answer to a request");
        }
        if ((h.flags() & ~ALLOWED_FLAGS) != 0) {
            throw new RpcProtocolException(String.format("response flags 0x%02x", h.flags()));
        }
        if (h.has(PfcFlags.FIRST_FRAG) != first) {
            throw new RpcProtocolException(first ? "first response fragment without PFC_FIRST_FRAG"
                    : "PFC_FIRST_FRAG on a later response fragment");
        }
        if (h.bodyEnd() < ResponsePdu.HEADER_SIZE) {
            throw new RpcProtocolException("response of " + h.bodyEnd() + " bytes before its verifier");
        }
        int length;
        if (protection != null) {
            length = protection.unprotect(pdu, h); // verifies, and unseals in place
        } else if (h.authLength() != 0) {
            throw new RpcProtocolException("auth verifier on a response of an unauthenticated connection");
        } else {
            length = h.bodyEnd() - ResponsePdu.HEADER_SIZE;
        }
        ResponsePdu r;
        try {
            r = ResponsePdu.decode(pdu, h);
        } catch (PduFormatException e) {
            throw new RpcProtocolException(e.getMessage());
        }
        if (r.contextId() != contextId) {
            throw new RpcProtocolException("response on presentation context " + r.contextId() + ", call made on "
                    + contextId);
        }
        if ((long) stub.size() + length > maxSize) {
            throw new RpcProtocolException("response to call " + Integer.toUnsignedString(callId) + " exceeds "
                    + maxSize + " bytes");
        }
        stub.write(r.stub(), 0, length);
        first = false;
        return h.has(PfcFlags.LAST_FRAG);
    }

    byte[] stub() {
        return stub.toByteArray();
    }
}
