package org.bossa.dcerpc.client;

/** A security verifier refused a bind answer or a PDU (bad signature, wrong sequence, bad token). */
public final class ClientSecurityException extends Exception {
    public ClientSecurityException(String message) {
        super(message);
    }

    public ClientSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
