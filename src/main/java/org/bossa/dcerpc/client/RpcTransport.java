package org.bossa.dcerpc.client;

/**
 * A byte pipe carrying whole connection-oriented PDUs between client and server: ncacn_ip_tcp
 * ({@link TcpTransport}); later ncacn_np over an SMB named pipe. Used by one thread at a time.
 */
public interface RpcTransport extends AutoCloseable {
    /** Sends one whole PDU. */
    void send(byte[] pdu) throws RpcTransportException;

    /**
     * Receives the next whole PDU: reads its 16-byte header, checks that frag_length lies in
     * [16, {@code maxFragLength}] before reading (so a lying length cannot size an allocation), then
     * reads the rest. The returned array's length is the frag_length.
     *
     * @throws RpcProtocolException if the frag_length is out of bounds
     */
    byte[] receive(int maxFragLength) throws RpcTransportException, RpcProtocolException;

    /** The peer, for messages ("127.0.0.12:49152"). */
    String peer();

    /** Closes the transport; a receive blocked in another thread then fails with {@link RpcTransportException.Kind#CLOSED}. */
    @Override
    void close();
}
