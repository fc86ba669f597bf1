package org.bossa.dcerpc.client;

/**
 * The security provider refused the bind answer or a PDU (a bad signature, a wrong sequence), or
 * the server's auth verifier did not match the one bound (auth type, level or context id). The
 * connection is closed: its sequence numbers can no longer be trusted.
 */
public final class RpcSecurityException extends RpcException {
    public RpcSecurityException(String message) {
        super(message);
    }

    public RpcSecurityException(String message, ClientSecurityException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
