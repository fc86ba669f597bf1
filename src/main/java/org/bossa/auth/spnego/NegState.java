package org.bossa.auth.spnego;

/** NegTokenResp negState (RFC 4178 4.2.2). */
public enum NegState {
    ACCEPT_COMPLETED(0),
    ACCEPT_INCOMPLETE(1),
    REJECT(2),
    REQUEST_MIC(3);

    private final int value;

    NegState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static NegState of(int v) throws DerException {
        for (NegState s : values()) {
            if (s.value == v) {
                return s;
            }
        }
        throw new DerException("negState " + v);
    }
}
