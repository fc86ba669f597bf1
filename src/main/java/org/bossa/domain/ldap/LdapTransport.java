package org.bossa.domain.ldap;

/** How the LDAP connection to the DC is protected. */
public enum LdapTransport {
    /** Plain TCP (port 389); only a Kerberos SASL bind with a security layer is allowed on it. */
    PLAIN(389),
    /** TLS from the first byte (port 636). */
    LDAPS(636),
    /** Plain TCP upgraded with the StartTLS extended operation (RFC 4511 4.14) before the bind. */
    START_TLS(389);

    private final int defaultPort;

    LdapTransport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean usesTls() {
        return this != PLAIN;
    }
}
