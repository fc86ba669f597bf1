package org.bossa.dcerpc.client;

/**
 * Why a client call, bind or connect failed. The subtype says what happened and whether the
 * connection survives: after an {@link RpcFaultException} (and an alter_context whose context was
 * rejected) it is still usable; after any other the connection has been closed.
 */
public abstract sealed class RpcException extends Exception
        permits RpcFaultException, RpcBindException, RpcTransportException, RpcProtocolException, RpcSecurityException {

    RpcException(String message) {
        super(message);
    }

    RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
