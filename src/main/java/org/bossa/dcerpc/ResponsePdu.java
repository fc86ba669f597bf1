package org.bossa.dcerpc;

/**
 * RESPONSE (2) (C706 12.6.4.10): header, alloc_hint (4), p_cont_id (2), cancel_count (1),
 * reserved (1), stub data.
 */
public record ResponsePdu(int flags, int callId, int allocHint, int contextId, int cancelCount, byte[] stub) {
    public static final int HEADER_SIZE = 24;

    public ResponsePdu {
        stub = stub.clone();
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(HEADER_SIZE + stub.length);
        PduHeader.begin(w, PduType.RESPONSE, flags, callId);
        w.rawU32(allocHint).rawU16(contextId).u8(cancelCount).u8(0);
        w.bytes(stub);
        return PduHeader.finish(w);
    }

    public static ResponsePdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE);
            int allocHint = r.rawU32();
            int contextId = r.rawU16();
            int cancel = r.u8();
            r.skip(1);
            return new ResponsePdu(h.flags(), h.callId(), allocHint, contextId, cancel, r.bytes(r.remaining()));
        } catch (NdrException e) {
            throw new PduFormatException("response body: " + e.getMessage());
        }
    }
}
