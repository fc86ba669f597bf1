package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;

/** Maps a KRB-ERROR from the KDC to a {@link KerberosException} naming the cause. */
final class KdcErrors {
    private KdcErrors() {
    }

    /** The KRB-ERROR in a reply that is not the KDC-REP asked for. */
    static KrbErrorMessage decode(KdcTransport.Reply reply) throws KerberosException {
        byte[] m = reply.message();
        if (!KrbErrorMessage.is(m)) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "unexpected reply from " + reply.kdc()
                    + " starting with tag 0x" + (m.length == 0 ? "(empty)" : Integer.toHexString(m[0] & 0xFF)));
        }
        try {
            return KrbErrorMessage.decode(m);
        } catch (Der.DerException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "malformed KRB-ERROR from " + reply.kdc()
                    + ": " + e.getMessage(), e);
        }
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
                    fail(KerberosFailure.CLIENT_REVOKED, client + " " + revokedReason(err) + suffix, err);
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

    /**
     * AD (and Samba) put a KERB-EXT-ERROR (MS-KILE 2.2.1: NTSTATUS, reserved, flags; 12 bytes,
     * little-endian) in a PA-PW-SALT entry of the error's METHOD-DATA, which tells disabled from
     * locked out from expired.
     */
    static String revokedReason(KrbErrorMessage err) {
        Integer status = null;
        try {
            for (var e : KdcMessages.methodData(err.eData())) {
                byte[] v = e.getPaDataValue();
                if (e.getPaDataType() == org.apache.kerby.kerberos.kerb.type.pa.PaDataType.PW_SALT && v != null
                        && v.length == 12) {
                    status = (v[0] & 0xFF) | (v[1] & 0xFF) << 8 | (v[2] & 0xFF) << 16 | (v[3] & 0xFF) << 24;
                }
            }
        } catch (KerberosException notMethodData) {
            // e-data in another shape (TYPED-DATA): no detail to add
        }
        if (status == null) {
            return "is disabled, locked out or expired";
        }
        return switch (status) {
            case 0xC0000072 -> "is disabled (STATUS_ACCOUNT_DISABLED)";
            case 0xC0000234 -> "is locked out (STATUS_ACCOUNT_LOCKED_OUT)";
            case 0xC0000193 -> "has expired (STATUS_ACCOUNT_EXPIRED)";
            case 0xC000006F -> "may not log on at this time (STATUS_INVALID_LOGON_HOURS)";
            case 0xC0000070 -> "may not log on from this workstation (STATUS_INVALID_WORKSTATION)";
            default -> "is refused (NTSTATUS 0x" + Integer.toHexString(status).toUpperCase(java.util.Locale.ROOT) + ")";
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
