package org.bossa.domain.locator;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A DNS responder on a loopback port for resolver tests (RFC 1035 4.1): answers each query with
 * the records the test's function gives for (name, type), or an RCODE, or stays silent (null).
 */
final class FakeDnsServer implements AutoCloseable {
    static final int A = 1;
    static final int AAAA = 28;
    static final int SRV = 33;

    /** A reply: the RCODE (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN) and the answers' RDATA. */
    record Reply(int rcode, int type, List<byte[]> rdata) {
        static Reply nxdomain() {
            return new Reply(3, 0, List.of());
        }

        static Reply records(int type, byte[]... rdata) {
            return new Reply(0, type, List.of(rdata));
        }
    }

    private final DatagramSocket socket;
    private final Thread thread;

    FakeDnsServer(BiFunction<String, Integer, Reply> answer) throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[512];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] q = Arrays.copyOf(buf, p.getLength());
                    int at = 12;
                    StringBuilder name = new StringBuilder();
                    while (q[at] != 0) {
                        if (!name.isEmpty()) {
                            name.append('.');
                        }
                        name.append(new String(q, at + 1, q[at], StandardCharsets.US_ASCII));
                        at += 1 + q[at];
                    }
                    int questionEnd = at + 5;
                    int qtype = (q[at + 1] & 0xFF) << 8 | (q[at + 2] & 0xFF);
                    Reply reply = answer.apply(name.toString(), qtype);
                    if (reply == null) {
                        continue;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(q[0]);
                    out.write(q[1]);
                    out.write(0x81); // QR, RD
                    out.write(0x80 | reply.rcode()); // RA, RCODE
                    u16(out, 1);
                    u16(out, reply.rdata().size());
                    u16(out, 0);
                    u16(out, 0);
                    out.write(q, 12, questionEnd - 12);
                    for (byte[] rd : reply.rdata()) {
                        u16(out, 0xC00C);
                        u16(out, reply.type());
                        u16(out, 1);
                        u16(out, 0);
                        u16(out, 60);
                        u16(out, rd.length);
                        out.writeBytes(rd);
                    }
                    byte[] r = out.toByteArray();
                    socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                } catch (Exception e) {
                    // closed, or a query the test did not expect: keep serving until closed
                }
            }
        });
    }

    DnsServerAddress address() {
        return new DnsServerAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    static byte[] srv(int priority, int weight, int port, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, priority);
        u16(out, weight);
        u16(out, port);
        for (String label : target.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] ip(String literal) {
        return InetAddress.ofLiteral(literal).getAddress();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
