package org.bossa.dcerpc.client;

import org.bossa.dcerpc.BindNakPdu;
import org.bossa.dcerpc.ContextResult;

/**
 * The server refused a bind or alter_context: either the whole association with a BIND_NAK
 * (C706 12.6.4.5; {@link #reason()} is the provider_reject_reason, e.g.
 * {@link BindNakPdu#AUTHENTICATION_TYPE_NOT_RECOGNIZED}), or the proposed presentation context in
 * an otherwise good bind_ack (C706 12.6.3.1 p_result_t; {@link #reason()} is the
 * p_provider_reason, e.g. {@link ContextResult#ABSTRACT_SYNTAX_NOT_SUPPORTED} for an interface the
 * server does not offer on this endpoint).
 */
public final class RpcBindException extends RpcException {
    /** Which refusal. */
    public enum Rejection {
        /** BIND_NAK: the association was refused. */
        BIND_NAK,
        /** p_cont_def_result user_rejection. */
        USER_REJECTION,
        /** p_cont_def_result provider_rejection. */
        PROVIDER_REJECTION
    }

    private final Rejection rejection;
    private final int reason;

    public RpcBindException(Rejection rejection, int reason) {
        super(rejection == Rejection.BIND_NAK
                ? "bind_nak: " + nakReasonName(reason) + " (" + reason + ")"
                : "presentation context refused ("
                        + (rejection == Rejection.USER_REJECTION ? "user_rejection" : "provider_rejection") + "): "
                        + contextReasonName(reason) + " (" + reason + ")");
        this.rejection = rejection;
        this.reason = reason;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** The provider_reject_reason of a BIND_NAK, or the p_provider_reason of a rejected context. */
    public int reason() {
        return reason;
    }

    public String reasonName() {
        return rejection == Rejection.BIND_NAK ? nakReasonName(reason) : contextReasonName(reason);
    }

    static String nakReasonName(int reason) {
        return switch (reason) {
            case BindNakPdu.REASON_NOT_SPECIFIED -> "reason_not_specified";
            case BindNakPdu.TEMPORARY_CONGESTION -> "temporary_congestion";
            case BindNakPdu.LOCAL_LIMIT_EXCEEDED -> "local_limit_exceeded";
            case 3 -> "called_paddr_unknown";
            case BindNakPdu.PROTOCOL_VERSION_NOT_SUPPORTED -> "protocol_version_not_supported";
            case 5 -> "default_context_not_supported";
            case 6 -> "user_data_not_readable";
            case 7 -> "no_psap_available";
            case BindNakPdu.AUTHENTICATION_TYPE_NOT_RECOGNIZED -> "authentication_type_not_recognized";
            case BindNakPdu.INVALID_CHECKSUM -> "invalid_checksum";
            default -> "unknown reason";
        };
    }

    static String contextReasonName(int reason) {
        return switch (reason) {
            case ContextResult.REASON_NOT_SPECIFIED -> "reason_not_specified";
            case ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract_syntax_not_supported";
            case ContextResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED -> "proposed_transfer_syntaxes_not_supported";
            case ContextResult.LOCAL_LIMIT_EXCEEDED -> "local_limit_exceeded";
            default -> "unknown reason";
        };
    }
}
