package org.bossa.dcerpc.client;

/** The connection to the server could not be made, was lost, or stopped answering in time. */
public final class RpcTransportException extends RpcException {
    /** What went wrong with the transport. */
    public enum Kind {
        /** The TCP connection could not be made (refused, unreachable, connect timeout, unknown host). */
        CONNECT_FAILED,
        /** No answer within the read timeout; the connection is closed since the stream is out of step. */
        TIMEOUT,
        /** The peer closed the connection, or this side had closed it. */
        CLOSED,
        /** Any other I/O failure (reset, broken pipe). */
        IO
    }

    private final Kind kind;

    public RpcTransportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RpcTransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
