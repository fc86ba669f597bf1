package org.bossa.domain.locator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The LDAP ping over UDP (CLDAP, MS-ADTS 6.3.3): one request datagram to port 389, sent again once
 * halfway through the timeout in case the first was lost, and the first answer carrying our
 * messageID taken. Datagrams with another messageID are ignored; a malformed one is remembered
 * and reported if nothing better arrives in time. The socket is connected, so only the pinged
 * address's datagrams arrive and an ICMP port-unreachable shows as an error at once.
 */
public final class CldapPinger implements NetlogonPinger {
    /** Larger than any answer: the Netlogon value is a few hundred bytes in practice. */
    private static final int RECEIVE_BUFFER = 8192;

    private final int port;
    private final RandomGenerator random = new SecureRandom();

    public CldapPinger() {
        this(LdapPing.PORT);
    }

    /** A pinger for a CLDAP service on another port (tests). */
    public CldapPinger(int port) {
        this.port = port;
    }

    @Override
    public PingResult ping(InetAddress address, String dnsDomain, Duration timeout) {
        int messageId = 1 + random.nextInt(Integer.MAX_VALUE - 1);
        byte[] request = LdapPing.request(messageId, dnsDomain, NtVersion.LOCATOR_REQUEST);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long resendAt = start + timeout.toNanos() / 2;
        String malformed = null;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(address, port);
            DatagramPacket out = new DatagramPacket(request, request.length);
            socket.send(out);
            boolean resent = false;
            byte[] buffer = new byte[RECEIVE_BUFFER];
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (!resent && now >= resendAt) {
                    socket.send(out);
                    resent = true;
                }
                long waitNanos = (resent ? deadline : resendAt) - now;
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (waitNanos + 999_999) / 1_000_000)));
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                try {
                    LdapPing.Answer answer = LdapPing.answer(Arrays.copyOf(buffer, in.getLength()));
                    if (answer.messageId() != messageId) {
                        continue;
                    }
                    Optional<byte[]> netlogon = answer.netlogon();
                    if (netlogon.isEmpty()) {
                        return new PingResult.Failed(address, noNetlogon(answer, dnsDomain));
                    }
                    return new PingResult.Answered(address,
                            NetlogonSamLogonResponseEx.decode(netlogon.get(), NtVersion.LOCATOR_REQUEST));
                } catch (NetlogonFormatException e) {
                    malformed = e.getMessage();
                }
            }
        } catch (PortUnreachableException e) {
            return new PingResult.Failed(address, "port " + port + "/udp unreachable");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new PingResult.Failed(address, "interrupted");
            }
            return new PingResult.Failed(address, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return new PingResult.Failed(address, malformed != null ? "malformed answer: " + malformed
                : "timeout after " + Durations.text(timeout));
    }

    /** A DC of another domain answers the ping with a bare searchResDone (seen with Samba). */
    private static String noNetlogon(LdapPing.Answer answer, String dnsDomain) {
        if (answer.resultCode() <= 0) {
            return "no Netlogon value in the answer: not a DC of " + dnsDomain;
        }
        return "LDAP ping refused with result code " + answer.resultCode()
                + (answer.diagnostic().isEmpty() ? "" : " (" + answer.diagnostic() + ")");
    }
}
