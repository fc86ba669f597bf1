package org.bossa.app;

/** The SMB port could not be bound; carries advice for the operator. */
public final class PortBindException extends RuntimeException {
    private final int port;

    public PortBindException(int port, String address, Throwable cause) {
        super("cannot listen on " + address + ":" + port + ": " + cause.getMessage(), cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
