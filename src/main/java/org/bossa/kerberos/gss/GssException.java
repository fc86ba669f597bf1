package org.bossa.kerberos.gss;

import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;

/**
 * A failed GSS-API step or per-message call. {@link #error()} says which check failed; for
 * {@link GssError#KRB_ERROR} the acceptor's Kerberos error code is available too. The message is one
 * line and never carries key material.
 */
public final class GssException extends Exception {
    private final GssError error;
    private final transient KrbErrorCode krbErrorCode;

    public GssException(GssError error, String detail) {
        this(error, detail, null, null);
    }

    public GssException(GssError error, String detail, Throwable cause) {
        this(error, detail, null, cause);
    }

    private GssException(GssError error, String detail, KrbErrorCode code, Throwable cause) {
        super(error.description() + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.error = error;
        this.krbErrorCode = code;
    }

    /** The acceptor's KRB-ERROR, with its code and e-text when it sent one. */
    public static GssException krbError(KrbErrorCode code, String eText) {
        String detail = (code == null ? "unknown code" : code.name() + " (" + code.getValue() + ")")
                + (eText == null || eText.isBlank() ? "" : ", " + eText.strip());
        return new GssException(GssError.KRB_ERROR, detail, code, null);
    }

    public GssError error() {
        return error;
    }

    /** The Kerberos error code of a {@link GssError#KRB_ERROR}, empty for every other cause. */
    public Optional<KrbErrorCode> krbErrorCode() {
        return Optional.ofNullable(krbErrorCode);
    }
}
