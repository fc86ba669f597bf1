package org.bossa.rpc.epmapper;

/** The endpoint mapper answered, but not with an endpoint for the interface asked about. */
public final class EndpointMapperException extends Exception {
    /** Why no endpoint came back. */
    public enum Reason {
        /** The interface is not registered with the server's endpoint mapper (ept_s_not_registered, or no tower). */
        NOT_REGISTERED,
        /** Towers came back, but none is ncacn_ip_tcp for the interface over NDR 2.0 with a port. */
        NO_TCP_ENDPOINT,
        /** ept_map failed with another status ({@link #status()}). */
        SERVER_ERROR,
        /** The response stub does not decode. */
        MALFORMED
    }

    private final Reason reason;
    private final int status;

    public EndpointMapperException(Reason reason, int status, String message) {
        super(message);
        this.reason = reason;
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The error_status_t of ept_map (0 when it succeeded but gave nothing usable). */
    public int status() {
        return status;
    }
}
