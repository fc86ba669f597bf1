package org.bossa.domain.locator;

/**
 * The operation codes (MS-ADTS 6.3.1.3) a NETLOGON_SAM_LOGON_RESPONSE_EX can carry.
 */
public enum NetlogonOpcode {
    /** The DC answers the ping. */
    LOGON_SAM_LOGON_RESPONSE_EX(23),
    /** The Netlogon service on the DC is paused: use another DC. */
    LOGON_SAM_PAUSE_RESPONSE_EX(24),
    /** The DC answers, but the user named in the ping is not known to it. */
    LOGON_SAM_USER_UNKNOWN_EX(25);

    private final int code;

    NetlogonOpcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static NetlogonOpcode fromCode(int code) throws NetlogonFormatException {
        for (NetlogonOpcode o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new NetlogonFormatException("opcode " + code + " is not a NETLOGON_SAM_LOGON_RESPONSE_EX opcode"
                + " (23, 24, 25)");
    }
}
