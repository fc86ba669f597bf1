package org.bossa.smb2.server;

/** A fault after which the byte stream cannot be trusted: the connection is dropped, nothing is answered. */
public final class ConnectionFault extends RuntimeException {
    public ConnectionFault(String reason) {
        super(reason, null, false, false);
    }
}
