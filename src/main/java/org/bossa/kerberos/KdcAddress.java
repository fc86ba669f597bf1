package org.bossa.kerberos;

import java.util.Locale;

/**
 * A KDC (or kpasswd server) address as configured: {@code host}, {@code host:port},
 * {@code [v6-literal]} or {@code [v6-literal]:port}. The name is resolved at send time so that a
 * resolution failure is reported like any other unreachable KDC.
 */
public record KdcAddress(String host, int port) {
    public static final int KERBEROS_PORT = 88;
    public static final int KPASSWD_PORT = 464;

    public KdcAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty KDC host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("KDC port out of range: " + port);
        }
    }

    /** Parses {@code host[:port]}, with {@code defaultPort} when no port is given. */
    public static KdcAddress parse(String text, int defaultPort) {
        String s = text.strip();
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in KDC address '" + text + "'");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("junk after ']' in KDC address '" + text + "'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("IPv6 KDC address needs brackets: '" + text + "'");
            }
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in KDC address '" + text + "'");
            }
        }
        return new KdcAddress(host.toLowerCase(Locale.ROOT), p);
    }

    /** The same host on another port (the kpasswd service lives beside the KDC on 464). */
    public KdcAddress withPort(int newPort) {
        return new KdcAddress(host, newPort);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
