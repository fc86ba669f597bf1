package org.bossa.kerberos;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A loopback UDP+TCP listener on one port that answers each request with a fixed function, for transport tests. */
final class FakeKdc implements AutoCloseable {
    final ServerSocket tcp;
    final DatagramSocket udp;
    final AtomicInteger udpRequests = new AtomicInteger();
    final AtomicInteger tcpRequests = new AtomicInteger();
    private final Thread udpThread;
    private final Thread tcpThread;

    /** @param udpReply null for a UDP port that never answers */
    FakeKdc(UnaryOperator<byte[]> udpReply, UnaryOperator<byte[]> tcpReply) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        tcp = new ServerSocket(0, 5, lo);
        udp = new DatagramSocket(new InetSocketAddress(lo, tcp.getLocalPort()));
        udpThread = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[65536];
            while (!udp.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udp.receive(p);
                    udpRequests.incrementAndGet();
                    if (udpReply != null) {
                        byte[] r = udpReply.apply(Arrays.copyOf(buf, p.getLength()));
                        udp.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                    }
                } catch (Exception closed) {
                    return;
                }
            }
        });
        tcpThread = Thread.ofVirtual().start(() -> {
            while (!tcp.isClosed()) {
                try (Socket s = tcp.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] req = new byte[in.readInt()];
                    in.readFully(req);
                    tcpRequests.incrementAndGet();
                    byte[] r = tcpReply.apply(req);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(r.length);
                    out.write(r);
                    out.flush();
                } catch (Exception closed) {
                    if (tcp.isClosed()) {
                        return;
                    }
                }
            }
        });
    }

    KdcAddress address() {
        return new KdcAddress(tcp.getInetAddress().getHostAddress(), tcp.getLocalPort());
    }

    /** A minimal KRB-ERROR with {@code code}. */
    static byte[] krbError(int code) {
        return krbError(code, null);
    }

    /** A minimal KRB-ERROR with {@code code} and optional e-data. */
    static byte[] krbError(int code, byte[] eData) {
        byte[] realm = Der.generalString("EXAMPLE.TEST");
        byte[] sname = Der.tlv(Der.SEQUENCE, Der.tlv(Der.context(0), Der.integer(2)), Der.tlv(Der.context(1),
                Der.tlv(Der.SEQUENCE, Der.generalString("krbtgt"), Der.generalString("EXAMPLE.TEST"))));
        return Der.tlv(KrbErrorMessage.TAG, Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.context(0), Der.integer(5)),
                Der.tlv(Der.context(1), Der.integer(30)),
                Der.tlv(Der.context(4), Der.tlv(Der.GENERALIZED_TIME, "20260101000000Z".getBytes(StandardCharsets.US_ASCII))),
                Der.tlv(Der.context(5), Der.integer(0)),
                Der.tlv(Der.context(6), Der.integer(code)),
                Der.tlv(Der.context(9), realm),
                Der.tlv(Der.context(10), sname),
                eData == null ? new byte[0] : Der.tlv(Der.context(12), Der.octetString(eData))));
    }

    @Override
    public void close() throws Exception {
        tcp.close();
        udp.close();
        udpThread.join(2000);
        tcpThread.join(2000);
    }
}
