package org.bossa.dcerpc;

import java.util.UUID;

/**
 * REQUEST (0) (C706 12.6.4.9): header, alloc_hint (4), p_cont_id (2), opnum (2), object UUID (16)
 * when PFC_OBJECT_UUID is set, stub data, optional auth verifier.
 */
public record RequestPdu(int flags, int callId, int allocHint, int contextId, int opnum, UUID object, byte[] stub) {
    public static final int HEADER_SIZE = 24;

    public RequestPdu {
        stub = stub.clone();
    }

    public boolean first() {
        return (flags & PfcFlags.FIRST_FRAG) != 0;
    }

    public boolean last() {
        return (flags & PfcFlags.LAST_FRAG) != 0;
    }

    public static RequestPdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE);
            int allocHint = r.rawU32();
            int contextId = r.rawU16();
            int opnum = r.rawU16();
            UUID object = h.has(PfcFlags.OBJECT_UUID) ? r.uuid() : null;
            byte[] stub = r.bytes(r.remaining());
            return new RequestPdu(h.flags(), h.callId(), allocHint, contextId, opnum, object, stub);
        } catch (NdrException e) {
            throw new PduFormatException("request body: " + e.getMessage());
        }
    }

    public byte[] encode() {
        return encode(new byte[0]);
    }

    /**
     * Encodes the request followed by {@code authVerifier} (an encoded {@link AuthVerifier}: the
     * sec_trailer and the auth_value, or nothing), with auth_length set to match. The stub must
     * already carry the auth padding the verifier's auth_pad_length announces.
     */
    public byte[] encode(byte[] authVerifier) {
        if (authVerifier.length > 0 && authVerifier.length <= PduHeader.SEC_TRAILER_SIZE) {
            throw new IllegalArgumentException("auth verifier of " + authVerifier.length + " bytes");
        }
        NdrWriter w = new NdrWriter(HEADER_SIZE + 16 + stub.length + authVerifier.length);
        PduHeader.begin(w, PduType.REQUEST, flags | (object != null ? PfcFlags.OBJECT_UUID : 0), callId);
        w.rawU32(allocHint).rawU16(contextId).rawU16(opnum);
        if (object != null) {
            w.uuid(object);
        }
        w.bytes(stub);
        w.bytes(authVerifier);
        return PduHeader.finish(w, authVerifier.length > 0 ? authVerifier.length - PduHeader.SEC_TRAILER_SIZE : 0);
    }
}
