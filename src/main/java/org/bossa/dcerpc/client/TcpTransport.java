package org.bossa.dcerpc.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.bossa.dcerpc.PduHeader;

/**
 * ncacn_ip_tcp (MS-RPCE 2.1.1.1): PDUs back to back on a TCP stream, framed by their frag_length.
 * Connects with a timeout; each read waits at most the read timeout.
 */
public final class TcpTransport implements RpcTransport {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private volatile boolean closed;

    private TcpTransport(Socket socket, String peer) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.peer = peer;
    }

    /**
     * Connects to {@code address} within {@code connectTimeout}; reads then wait at most
     * {@code readTimeout}.
     */
    public static TcpTransport connect(InetSocketAddress address, Duration connectTimeout, Duration readTimeout)
            throws RpcTransportException {
        String peer = address.getHostString() + ":" + address.getPort();
        if (address.isUnresolved()) {
            throw new RpcTransportException(RpcTransportException.Kind.CONNECT_FAILED,
                    "cannot resolve " + address.getHostString());
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(millis(readTimeout));
            s.connect(address, millis(connectTimeout));
            return new TcpTransport(s, peer);
        } catch (IOException e) {
            closeQuietly(s);
            String why = e instanceof SocketTimeoutException ? "timed out after " + connectTimeout.toMillis() + " ms"
                    : e instanceof UnknownHostException ? "unknown host" : e.getMessage();
            throw new RpcTransportException(RpcTransportException.Kind.CONNECT_FAILED,
                    "cannot connect to " + peer + ": " + why, e);
        }
    }

    private static int millis(Duration d) {
        long ms = d.toMillis();
        if (ms <= 0 || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout " + d);
        }
        return (int) ms;
    }

    @Override
    public void send(byte[] pdu) throws RpcTransportException {
        try {
            out.write(pdu);
            out.flush();
        } catch (IOException e) {
            throw failure("sending to", e);
        }
    }

    @Override
    public byte[] receive(int maxFragLength) throws RpcTransportException, RpcProtocolException {
        byte[] header = new byte[PduHeader.SIZE];
        try {
            readFully(header, 0, header.length, true);
            int fragLength = PduHeader.peekFragLength(header, 0);
            if (fragLength < PduHeader.SIZE || fragLength > maxFragLength) {
                close();
                throw new RpcProtocolException("frag_length " + fragLength + " from " + peer + " outside [16, "
                        + maxFragLength + "]");
            }
            byte[] pdu = new byte[fragLength];
            System.arraycopy(header, 0, pdu, 0, header.length);
            readFully(pdu, header.length, fragLength - header.length, false);
            return pdu;
        } catch (IOException e) {
            throw failure("receiving from", e);
        }
    }

    private void readFully(byte[] b, int off, int len, boolean atBoundary) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException(atBoundary && done == 0 ? "connection closed by " + peer
                        : "connection closed by " + peer + " inside a PDU");
            }
            done += n;
        }
    }

    private RpcTransportException failure(String doing, IOException e) {
        boolean wasClosed = closed;
        close();
        if (e instanceof SocketTimeoutException) {
            return new RpcTransportException(RpcTransportException.Kind.TIMEOUT,
                    "no answer from " + peer + " within the read timeout", e);
        }
        if (e instanceof EOFException) {
            return new RpcTransportException(RpcTransportException.Kind.CLOSED, e.getMessage(), e);
        }
        if (wasClosed) {
            return new RpcTransportException(RpcTransportException.Kind.CLOSED, "connection to " + peer + " closed", e);
        }
        return new RpcTransportException(RpcTransportException.Kind.IO, doing + " " + peer + ": " + e.getMessage(), e);
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
