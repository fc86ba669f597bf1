package org.bossa.domain.ldap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The DC to talk to and how. The host is the DC's DNS name: it names the Kerberos service
 * (ldap/host) and is what the TLS certificate must match.
 *
 * @param host the DC's host name
 * @param port the TCP port
 * @param transport plain (with a SASL layer), LDAPS or StartTLS
 * @param caFile PEM file with the CA certificate(s) to trust, required for TLS, else null
 * @param address where to connect, when the locator already knows the DC's address (its name may
 *     resolve only through the domain's DNS servers); null: resolve the host name
 */
public record LdapTarget(String host, int port, LdapTransport transport, Path caFile, java.net.InetAddress address) {
    public LdapTarget(String host, int port, LdapTransport transport, Path caFile) {
        this(host, port, transport, caFile, null);
    }

    /** This target, connecting to {@code at} instead of resolving the host name. */
    public LdapTarget at(java.net.InetAddress at) {
        return new LdapTarget(host, port, transport, caFile, at);
    }

    public LdapTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        if (transport.usesTls() && caFile == null) {
            throw new IllegalArgumentException(transport + " needs a CA file to verify the DC's certificate");
        }
    }

    /** Port 389 with a sealed SASL GSSAPI bind. */
    public static LdapTarget plain(String host) {
        return new LdapTarget(host, LdapTransport.PLAIN.defaultPort(), LdapTransport.PLAIN, null);
    }

    public static LdapTarget ldaps(String host, Path caFile) {
        return new LdapTarget(host, LdapTransport.LDAPS.defaultPort(), LdapTransport.LDAPS, caFile);
    }

    public static LdapTarget startTls(String host, Path caFile) {
        return new LdapTarget(host, LdapTransport.START_TLS.defaultPort(), LdapTransport.START_TLS, caFile);
    }

    /** The Kerberos service principal name of the DC's LDAP service (without realm). */
    public String servicePrincipal() {
        return "ldap/" + host;
    }

    public String hostPort() {
        return host + ":" + port;
    }
}
