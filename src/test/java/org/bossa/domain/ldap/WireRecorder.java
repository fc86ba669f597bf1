package org.bossa.domain.ldap;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;

/** Plain TCP sockets that keep a copy of every byte sent and received, to look at the wire in tests. */
final class WireRecorder extends SocketFactory {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    synchronized byte[] sent() {
        return sent.toByteArray();
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Splits RFC 4752 security-layer framing (4-byte big-endian length, then the wrapped token). */
    static List<byte[]> saslFrames(byte[] stream) {
        List<byte[]> frames = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(stream);
        while (b.hasRemaining()) {
            if (b.remaining() < 4) {
                throw new AssertionError("a partial SASL length at the end of the stream");
            }
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) {
                throw new AssertionError("SASL frame of " + len + " bytes, " + b.remaining() + " left: not framed");
            }
            byte[] frame = new byte[len];
            b.get(frame);
            frames.add(frame);
        }
        return frames;
    }

    static byte[] tail(byte[] all, int from) {
        return Arrays.copyOfRange(all, from, all.length);
    }

    @Override
    public Socket createSocket() {
        return new RecordingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new RecordingSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new RecordingSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    private final class RecordingSocket extends Socket {
        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        synchronized (WireRecorder.this) {
                            received.write(b);
                        }
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        synchronized (WireRecorder.this) {
                            received.write(buf, off, n);
                        }
                    }
                    return n;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    synchronized (WireRecorder.this) {
                        sent.write(b);
                    }
                    out.write(b);
                }

                @Override
                public void write(byte[] buf, int off, int len) throws IOException {
                    synchronized (WireRecorder.this) {
                        sent.write(buf, off, len);
                    }
                    out.write(buf, off, len);
                }
            };
        }
    }
}
