package org.bossa.kerberos.kpasswd;

/** The result codes of the change/set password protocol (RFC 3244 2, MS-KILE 3.1.5.12). */
public enum KpasswdResultCode {
    SUCCESS(0, "success"),
    MALFORMED(1, "request malformed"),
    HARD_ERROR(2, "server error"),
    AUTH_ERROR(3, "authentication failed"),
    SOFT_ERROR(4, "password rejected by policy"),
    ACCESS_DENIED(5, "access denied"),
    BAD_VERSION(6, "protocol version not supported"),
    INITIAL_FLAG_NEEDED(7, "an initial ticket is required"),
    UNKNOWN(-1, "unknown result code");

    private final int code;
    private final String summary;

    KpasswdResultCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public int code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    public static KpasswdResultCode of(int code) {
        for (KpasswdResultCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
