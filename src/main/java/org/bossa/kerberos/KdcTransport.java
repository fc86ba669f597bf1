package org.bossa.kerberos;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sends one Kerberos message to the realm's KDCs in turn and returns the first reply
 * (RFC 4120 7.2.1 UDP, 7.2.2 TCP with a 4-byte length prefix). UDP first while the request is
 * small; TCP when the request is larger than {@link #UDP_PREFERENCE_LIMIT} (as MIT does: AD
 * tickets with a PAC often are), when the KDC answers KRB_ERR_RESPONSE_TOO_BIG, or when UDP gets
 * no answer. Each attempt waits at most the configured timeout.
 */
public final class KdcTransport {
    /** MIT's udp_preference_limit default: larger requests go straight to TCP. */
    public static final int UDP_PREFERENCE_LIMIT = 1465;
    /** Replies larger than this are refused before allocating (a ticket with a big PAC is ~20 KiB). */
    public static final int MAX_TCP_REPLY = 1 << 20;

    private final List<KdcAddress> kdcs;
    private final Duration timeout;

    public KdcTransport(List<KdcAddress> kdcs, Duration timeout) {
        this.kdcs = List.copyOf(kdcs);
        this.timeout = timeout;
    }

    /** A reply and the KDC that sent it. */
    public record Reply(byte[] message, KdcAddress kdc) {
    }

    public Reply send(byte[] request) throws KerberosException {
        List<String> failures = new ArrayList<>();
        for (KdcAddress kdc : kdcs) {
            String udpFailure = null;
            if (request.length <= UDP_PREFERENCE_LIMIT) {
                try {
                    byte[] reply = udpExchange(kdc, request, timeout);
                    if (!isResponseTooBig(reply)) {
                        return new Reply(reply, kdc);
                    }
                    udpFailure = "reply too big for UDP";
                } catch (IOException e) {
                    udpFailure = describe(e);
                }
            }
            try {
                return new Reply(tcpExchange(kdc, request, timeout), kdc);
            } catch (IOException e) {
                failures.add(kdc + " (" + (udpFailure == null ? "" : "UDP: " + udpFailure + "; ") + "TCP: "
                        + describe(e) + ")");
            }
        }
        throw new KerberosException(KerberosFailure.KDC_UNREACHABLE, "no answer from " + String.join(", ", failures)
                + " within " + timeout.toMillis() + " ms per attempt");
    }

    private static boolean isResponseTooBig(byte[] reply) {
        if (!KrbErrorMessage.is(reply)) {
            return false;
        }
        try {
            return KrbErrorMessage.decode(reply).errorCode() == KrbErrorMessage.KRB_ERR_RESPONSE_TOO_BIG;
        } catch (Der.DerException e) {
            return false; // let the caller report the malformed reply
        }
    }

    static byte[] udpExchange(KdcAddress kdc, byte[] request, Duration timeout) throws IOException {
        InetSocketAddress to = new InetSocketAddress(kdc.host(), kdc.port());
        if (to.isUnresolved()) {
            throw new UnknownHostException(kdc.host());
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(to);
            socket.setSoTimeout(millis(timeout));
            socket.send(new DatagramPacket(request, request.length));
            byte[] buf = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            return Arrays.copyOf(buf, packet.getLength());
        }
    }

    /** One TCP exchange: 4-byte big-endian length, message; the reply framed the same way. */
    public static byte[] tcpExchange(KdcAddress kdc, byte[] request, Duration timeout) throws IOException {
        try {
            return tcpExchange(kdc, local -> request, timeout);
        } catch (KerberosException e) {
            throw new IllegalStateException(e); // the fixed request cannot fail to build
        }
    }

    /** Builds a request once the local address is known (KRB-PRIV names its sender, RFC 4120 5.7.1). */
    @FunctionalInterface
    public interface RequestForAddress {
        byte[] build(java.net.InetAddress localAddress) throws KerberosException;
    }

    /** A TCP exchange whose request depends on the local address of the connection. */
    public static byte[] tcpExchange(KdcAddress kdc, RequestForAddress requestBuilder, Duration timeout)
            throws IOException, KerberosException {
        InetSocketAddress to = new InetSocketAddress(kdc.host(), kdc.port());
        if (to.isUnresolved()) {
            throw new UnknownHostException(kdc.host());
        }
        try (Socket socket = new Socket()) {
            socket.connect(to, millis(timeout));
            socket.setSoTimeout(millis(timeout));
            byte[] request = requestBuilder.build(socket.getLocalAddress());
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(4 + request.length).putInt(request.length).put(request).array());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            // RFC 4120 7.2.2: the high bit is reserved; a length with it set is not a reply we can read.
            if (length < 0 || length > MAX_TCP_REPLY) {
                throw new IOException("reply length " + Integer.toUnsignedString(length) + " out of range");
            }
            byte[] reply = new byte[length];
            in.readFully(reply);
            return reply;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** A short reason for a failed attempt, for {@link KerberosFailure#KDC_UNREACHABLE} messages. */
    public static String describe(IOException e) {
        return switch (e) {
            case SocketTimeoutException t -> "timed out";
            case PortUnreachableException p -> "port unreachable";
            case UnknownHostException u -> "cannot resolve " + u.getMessage();
            case EOFException eof -> "connection closed before a whole reply";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
