package org.bossa.dcerpc;

/**
 * AUTH3 (16) (MS-RPCE 2.2.2.10 rpc_auth_3): header, 4 bytes of padding, then the auth verifier
 * carrying the third leg of a security negotiation; the server does not answer it.
 */
public record Auth3Pdu(int callId, byte[] authVerifier) {
    public Auth3Pdu {
        if (authVerifier.length <= PduHeader.SEC_TRAILER_SIZE) {
            throw new IllegalArgumentException("AUTH3 without an auth token");
        }
        authVerifier = authVerifier.clone();
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(PduHeader.SIZE + 4 + authVerifier.length);
        PduHeader.begin(w, PduType.AUTH3, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, callId);
        w.rawU32(0);
        w.bytes(authVerifier);
        return PduHeader.finish(w, authVerifier.length - PduHeader.SEC_TRAILER_SIZE);
    }

    /** Decodes an AUTH3 whose header has been validated; the verifier is everything after the pad. */
    public static Auth3Pdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        if (h.authLength() == 0 || h.bodyEnd() != PduHeader.SIZE + 4) {
            throw new PduFormatException("AUTH3 body of " + (h.bodyEnd() - PduHeader.SIZE) + " bytes before its verifier");
        }
        return new Auth3Pdu(h.callId(), new NdrReader(pdu, h.bodyEnd(), h.fragLength() - h.bodyEnd())
                .bytes(h.fragLength() - h.bodyEnd()));
    }
}
