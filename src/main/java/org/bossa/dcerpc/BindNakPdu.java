package org.bossa.dcerpc;

/**
 * BIND_NAK (13) (C706 12.6.4.5, MS-RPCE 2.2.2.5): header, provider_reject_reason (2),
 * p_rt_versions_supported: n_protocols (1), then rpc_vers (1), rpc_vers_minor (1) per protocol;
 * padded to a multiple of 4.
 */
public record BindNakPdu(int callId, int rejectReason) {
    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int TEMPORARY_CONGESTION = 1;
    public static final int LOCAL_LIMIT_EXCEEDED = 2;
    public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 4;
    public static final int AUTHENTICATION_TYPE_NOT_RECOGNIZED = 8;
    public static final int INVALID_CHECKSUM = 9;

    public byte[] encode() {
        NdrWriter w = new NdrWriter(24);
        PduHeader.begin(w, PduType.BIND_NAK, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId);
        w.rawU16(rejectReason).u8(1).u8(5).u8(0);
        w.align(4);
        return PduHeader.finish(w);
    }

    public static BindNakPdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE);
            return new BindNakPdu(h.callId(), r.rawU16());
        } catch (NdrException e) {
            throw new PduFormatException("bind_nak body: " + e.getMessage());
        }
    }
}
