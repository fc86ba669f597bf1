package org.bossa.dcerpc;

/**
 * FAULT (3) (C706 12.6.4.7, MS-RPCE 2.2.2.11): header, alloc_hint (4), p_cont_id (2),
 * cancel_count (1), reserved (1), status (4), reserved (4); 32 bytes.
 */
public record FaultPdu(int flags, int callId, int contextId, int status) {
    public static final int SIZE = 32;

    public byte[] encode() {
        NdrWriter w = new NdrWriter(SIZE);
        PduHeader.begin(w, PduType.FAULT, flags, callId);
        w.rawU32(0).rawU16(contextId).u8(0).u8(0);
        w.rawU32(status).rawU32(0);
        return PduHeader.finish(w);
    }

    public static FaultPdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE + 4);
            int contextId = r.rawU16();
            r.skip(2);
            return new FaultPdu(h.flags(), h.callId(), contextId, r.rawU32());
        } catch (NdrException e) {
            throw new PduFormatException("fault body: " + e.getMessage());
        }
    }
}
