package org.bossa.dcerpc;

import java.util.ArrayList;
import java.util.List;

/**
 * BIND (11) and ALTER_CONTEXT (14), which share a layout (C706 12.6.4.3 and 12.6.4.1): header,
 * max_xmit_frag (2), max_recv_frag (2), assoc_group_id (4), p_context_elem: n_context_elem (1),
 * reserved (1), reserved2 (2), then per context p_cont_id (2), n_transfer_syn (1), reserved (1),
 * abstract_syntax (20), transfer_syntaxes (20 each); then the optional auth verifier.
 */
public record BindPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId,
                      List<PresentationContext> contexts, byte[] authVerifier) {

    public BindPdu {
        if (type != PduType.BIND && type != PduType.ALTER_CONTEXT) {
            throw new IllegalArgumentException("not a bind type: " + type);
        }
        contexts = List.copyOf(contexts);
        authVerifier = authVerifier == null ? new byte[0] : authVerifier.clone();
    }

    /** Decodes one whole fragment whose header has been validated. */
    public static BindPdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE);
            int maxXmit = r.rawU16();
            int maxRecv = r.rawU16();
            int assoc = r.rawU32();
            int n = r.u8();
            r.skip(3);
            if (n == 0) {
                throw new PduFormatException("bind without presentation contexts");
            }
            List<PresentationContext> contexts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = r.rawU16();
                int nTransfer = r.u8();
                r.skip(1);
                if (nTransfer == 0) {
                    throw new PduFormatException("presentation context " + id + " without transfer syntaxes");
                }
                SyntaxId abs = SyntaxId.decode(r);
                List<SyntaxId> transfers = new ArrayList<>(nTransfer);
                for (int t = 0; t < nTransfer; t++) {
                    transfers.add(SyntaxId.decode(r));
                }
                contexts.add(new PresentationContext(id, abs, transfers));
            }
            byte[] auth = new byte[0];
            if (h.authLength() > 0) {
                auth = new NdrReader(pdu, h.bodyEnd(), h.fragLength() - h.bodyEnd()).bytes(h.fragLength() - h.bodyEnd());
            }
            return new BindPdu(h.type(), h.flags(), h.callId(), maxXmit, maxRecv, assoc, contexts, auth);
        } catch (NdrException e) {
            throw new PduFormatException("bind body: " + e.getMessage());
        }
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(PduHeader.SIZE + 12 + contexts.size() * 64 + authVerifier.length);
        PduHeader.begin(w, type, flags, callId);
        w.rawU16(maxXmitFrag).rawU16(maxRecvFrag).rawU32(assocGroupId);
        w.u8(contexts.size()).u8(0).rawU16(0);
        for (PresentationContext c : contexts) {
            w.rawU16(c.contextId()).u8(c.transferSyntaxes().size()).u8(0);
            c.abstractSyntax().encode(w);
            for (SyntaxId t : c.transferSyntaxes()) {
                t.encode(w);
            }
        }
        w.bytes(authVerifier);
        // auth_length counts the token only, not the sec_trailer
        return PduHeader.finish(w, authVerifier.length > 0 ? authVerifier.length - PduHeader.SEC_TRAILER_SIZE : 0);
    }
}
