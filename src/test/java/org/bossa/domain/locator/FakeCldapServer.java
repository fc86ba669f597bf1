package org.bossa.domain.locator;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchResultDoneProtocolOp;
import com.unboundid.ldap.protocol.SearchResultEntryProtocolOp;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A CLDAP service on a loopback port for pinger tests: decodes each request with UnboundID's own
 * LDAP decoder (independent of LdapPing) and answers with whatever the test's function returns
 * (null: stay silent).
 */
final class FakeCldapServer implements AutoCloseable {
    final DatagramSocket socket;
    final List<LDAPMessage> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    FakeCldapServer(Function<LDAPMessage, List<byte[]>> answer) throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[4096];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] request = java.util.Arrays.copyOf(buf, p.getLength());
                    LDAPMessage m = LDAPMessage.decode(ASN1Element.decode(request));
                    requests.add(m);
                    List<byte[]> replies = answer.apply(m);
                    if (replies != null) {
                        for (byte[] r : replies) {
                            socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                        }
                    }
                } catch (Exception e) {
                    // closed, or a request the test did not expect: keep serving until closed
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    /** searchResEntry with the Netlogon value and searchResDone, in one datagram. */
    static byte[] answer(int messageId, byte[] netlogon) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new LDAPMessage(messageId, new SearchResultEntryProtocolOp("",
                List.of(new Attribute("netlogon", netlogon)))).encode().encode());
        out.writeBytes(done(messageId, ResultCode.SUCCESS));
        return out.toByteArray();
    }

    static byte[] done(int messageId, ResultCode rc) {
        return new LDAPMessage(messageId, new SearchResultDoneProtocolOp(rc.intValue(), null,
                rc == ResultCode.SUCCESS ? null : "refused", null)).encode().encode();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
