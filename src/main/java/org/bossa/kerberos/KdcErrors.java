package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;

/** Maps a KRB-ERROR from the KDC to a {@link KerberosException} naming the cause. */
final class KdcErrors {
    private KdcErrors() {
    }

    /**
     * @param client the principal the request was for, to name in the message
     * @param service the service requested, to name for SERVICE_UNKNOWN
     * @param localNow the local time the error arrived, to measure the skew
     */
    static KerberosException toException(KrbErrorMessage err, KdcAddress kdc, KerberosName client,
                                         KerberosName service, Instant localNow) {
        int code = err.errorCode();
        String suffix = " (" + codeName(code) + (err.eText() == null || err.eText().isBlank() ? "" :
                ", \"" + err.eText().strip() + "\"") + ", from " + kdc + ")";
        return switch (code) {
            case KrbErrorMessage.KDC_ERR_PREAUTH_FAILED, KrbErrorMessage.KRB_AP_ERR_BAD_INTEGRITY ->
                    fail(KerberosFailure.WRONG_PASSWORD, "the KDC rejected the password or key of " + client + suffix, err);
            case KrbErrorMessage.KDC_ERR_C_PRINCIPAL_UNKNOWN ->
                    fail(KerberosFailure.CLIENT_UNKNOWN, client + " does not exist" + suffix, err);
            case KrbErrorMessage.KDC_ERR_S_PRINCIPAL_UNKNOWN ->
                    fail(KerberosFailure.SERVICE_UNKNOWN, service + " does not exist" + suffix, err);
            case KrbErrorMessage.KDC_ERR_CLIENT_REVOKED ->
                    fail(KerberosFailure.CLIENT_REVOKED, client + " is disabled, locked out or expired" + suffix, err);
            case KrbErrorMessage.KDC_ERR_KEY_EXPIRED ->
                    fail(KerberosFailure.PASSWORD_EXPIRED, "the password of " + client + " has expired" + suffix, err);
            case KrbErrorMessage.KDC_ERR_ETYPE_NOSUPP ->
                    fail(KerberosFailure.ETYPE_NOT_SUPPORTED, "the KDC has no key for " + client + " or " + service
                            + " in an allowed encryption type" + suffix, err);
            case KrbErrorMessage.KRB_AP_ERR_SKEW -> {
                Duration skew = err.skewFrom(localNow);
                yield new KerberosException(KerberosFailure.CLOCK_SKEW, "the local clock is " + describe(skew)
                        + " the KDC's (KDC time " + err.serverTime() + ")" + suffix, code, err.eText(), skew, null);
            }
            default -> fail(KerberosFailure.PROTOCOL_ERROR, "KRB-ERROR " + code + " for " + client + suffix, err);
        };
    }

    private static KerberosException fail(KerberosFailure failure, String detail, KrbErrorMessage err) {
        return new KerberosException(failure, detail, err.errorCode(), err.eText(), null, null);
    }

    /** "5 min 3 s behind" / "2 h 0 min 1 s ahead of". */
    static String describe(Duration kdcMinusLocal) {
        Duration abs = kdcMinusLocal.abs();
        StringBuilder b = new StringBuilder();
        if (abs.toHours() > 0) {
            b.append(abs.toHours()).append(" h ");
        }
        if (abs.toHours() > 0 || abs.toMinutesPart() > 0) {
            b.append(abs.toMinutesPart()).append(" min ");
        }
        b.append(abs.toSecondsPart()).append(" s");
        return b + (kdcMinusLocal.isNegative() ? " ahead of" : " behind");
    }

    static String codeName(int code) {
        KrbErrorCode known = KrbErrorCode.fromValue(code);
        return known.getValue() == code ? known.name() + " " + code : "error code " + code;
    }
}
