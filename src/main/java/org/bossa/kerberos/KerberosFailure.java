package org.bossa.kerberos;

/**
 * Why a Kerberos exchange failed, one constant per cause an operator can act on. The KRB-ERROR
 * codes are those of RFC 4120 7.5.9; {@link #summary()} is the one-line text shown to a person.
 */
public enum KerberosFailure {
    /** KDC_ERR_PREAUTH_FAILED (24), or the AS-REP did not decrypt with the key from the password. */
    WRONG_PASSWORD("wrong password"),
    /** KDC_ERR_C_PRINCIPAL_UNKNOWN (6). */
    CLIENT_UNKNOWN("no such account"),
    /** KDC_ERR_S_PRINCIPAL_UNKNOWN (7). */
    SERVICE_UNKNOWN("no such service principal"),
    /** KRB_AP_ERR_SKEW (37): the local clock and the KDC's differ by more than the allowed skew. */
    CLOCK_SKEW("clock skew too great"),
    /** KDC_ERR_CLIENT_REVOKED (18): the account is disabled, locked out or expired. */
    CLIENT_REVOKED("account disabled or locked out"),
    /** KDC_ERR_KEY_EXPIRED (23): the password has expired and must be changed. */
    PASSWORD_EXPIRED("password expired"),
    /** KDC_ERR_ETYPE_NOSUPP (14), or no encryption type both sides allow (e.g. an account without AES keys). */
    ETYPE_NOT_SUPPORTED("no common encryption type"),
    /** No KDC answered within the timeout over UDP or TCP. */
    KDC_UNREACHABLE("KDC unreachable"),
    /** Any other KRB-ERROR, or a reply that does not parse or does not match the request. */
    PROTOCOL_ERROR("Kerberos protocol error");

    private final String summary;

    KerberosFailure(String summary) {
        this.summary = summary;
    }

    /** One line for a person, without details. */
    public String summary() {
        return summary;
    }
}
