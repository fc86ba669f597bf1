package org.bossa.domain.locator;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A DNS server to send queries to: an IP address literal, with a port when not 53. Written
 * {@code 10.0.0.9}, {@code 10.0.0.9:5353}, {@code fd00::53} or {@code [fd00::53]:5353}; names are
 * refused, since resolving a DNS server's name would itself need DNS.
 */
public record DnsServerAddress(InetAddress address, int port) {
    public static final int DNS_PORT = 53;

    public DnsServerAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("DNS server port " + port + " is outside 1-65535");
        }
    }

    /** Parses the forms above; the message of the exception names the bad value. */
    public static DnsServerAddress parse(String text) {
        String s = text.strip();
        String host = s;
        int port = DNS_PORT;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw bad(text, "no closing ]");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text, "text after ]");
                }
                port = port(text, rest.substring(1));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(text, s.substring(s.indexOf(':') + 1));
        }
        try {
            return new DnsServerAddress(InetAddress.ofLiteral(host), port);
        } catch (IllegalArgumentException e) {
            throw bad(text, "not an IP address");
        }
    }

    private static int port(String text, String digits) {
        try {
            int p = Integer.parseInt(digits);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw bad(text, "port is not a number in 1-65535");
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("DNS server address '" + text + "': " + why);
    }

    private String host() {
        String h = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + h + "]" : h;
    }

    /** The JNDI DNS provider URL for this server. */
    String jndiUrl() {
        return "dns://" + host() + ":" + port;
    }

    /** As the locator's messages name it: the address, and the port when it is not 53. */
    @Override
    public String toString() {
        return port == DNS_PORT ? address.getHostAddress() : host() + ":" + port;
    }
}
