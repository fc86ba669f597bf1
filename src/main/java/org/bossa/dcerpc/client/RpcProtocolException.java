package org.bossa.dcerpc.client;

/**
 * The server sent something the connection-oriented protocol does not allow (C706 chapter 12): an
 * undecodable PDU, a fragment of another call, an unexpected PDU type, flags out of sequence, a
 * fragment above the negotiated size, a response larger than the configured bound. The connection
 * is closed.
 */
public final class RpcProtocolException extends RpcException {
    public RpcProtocolException(String message) {
        super(message);
    }
}
