package org.bossa.dcerpc;

import java.util.List;

/**
 * Chooses the result for one proposed presentation context (C706 12.6.3.1, MS-RPCE 3.3.1.5.3):
 * NDR 2.0 is the only transfer syntax accepted; NDR64 and unknown syntaxes are rejected with
 * proposed_transfer_syntaxes_not_supported; the bind-time feature negotiation syntax is answered
 * with negotiate_ack and the features this server supports.
 */
final class PresentationNegotiation {
    /** Bind-time features supported: keep connection on orphan (0x02); no security context multiplexing. */
    static final int SUPPORTED_FEATURES = 0x02;

    private PresentationNegotiation() {
    }

    static ContextResult negotiate(PresentationContext pc, List<RpcInterface> interfaces) {
        RpcInterface iface = find(pc.abstractSyntax(), interfaces);
        if (iface != null && pc.transferSyntaxes().contains(SyntaxId.NDR20)) {
            return ContextResult.accept(SyntaxId.NDR20);
        }
        for (SyntaxId t : pc.transferSyntaxes()) {
            if (t.isBindTimeFeatureNegotiation()) {
                return new ContextResult(ContextResult.NEGOTIATE_ACK, t.bindTimeFeatures() & SUPPORTED_FEATURES,
                        SyntaxId.NULL);
            }
        }
        if (iface == null) {
            return ContextResult.reject(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        return ContextResult.reject(ContextResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    /** The interface with this UUID and major version whose minor version is at least the one asked for. */
    static RpcInterface find(SyntaxId abstractSyntax, List<RpcInterface> interfaces) {
        for (RpcInterface i : interfaces) {
            if (i.uuid().equals(abstractSyntax.uuid()) && i.versionMajor() == abstractSyntax.versionMajor()
                    && abstractSyntax.versionMinor() <= i.versionMinor()) {
                return i;
            }
        }
        return null;
    }
}
