package org.bossa.kerberos.gss;

import javax.security.sasl.SaslException;

/** A failed RFC 4752 exchange or security-layer call, with the reason as a value. */
public final class GssapiSaslException extends SaslException {
    /** What went wrong. */
    public enum Reason {
        /** The Kerberos GSS layer failed; the cause is the {@link GssException}. */
        GSS_FAILURE,
        /** The server offers no layer at least as strong as the configured minimum. */
        NO_ACCEPTABLE_LAYER,
        /** The server's wrapped layer offer is not the four bytes RFC 4752 3.1 defines. */
        BAD_LAYER_OFFER,
        /** A challenge arrived when the exchange expected none, or none when it expected one. */
        UNEXPECTED_CHALLENGE,
        /** A wrapped message exceeds the size the receiving side announced. */
        MESSAGE_TOO_LARGE,
        /** A message arrived without confidentiality on a connection that negotiated it. */
        NOT_SEALED
    }

    private final Reason reason;

    public GssapiSaslException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public GssapiSaslException(GssException cause) {
        super("GSSAPI: " + cause.getMessage(), cause);
        this.reason = Reason.GSS_FAILURE;
    }

    public Reason reason() {
        return reason;
    }

    /** The GSS failure behind a {@link Reason#GSS_FAILURE}, else null. */
    public GssException gssCause() {
        return getCause() instanceof GssException g ? g : null;
    }
}
