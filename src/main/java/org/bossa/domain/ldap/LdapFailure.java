package org.bossa.domain.ldap;

/** Why connecting or binding to a DC's LDAP service failed. */
public enum LdapFailure {
    /** No TCP connection: refused, no route, unknown host. */
    DC_UNREACHABLE("DC unreachable"),
    /** The connect or a response took longer than the configured timeout. */
    TIMEOUT("timed out"),
    /** The configured CA file cannot be read or holds no certificate. */
    CA_FILE_UNUSABLE("CA file unusable"),
    /** The DC's certificate does not chain to the configured CA (or is expired). */
    TLS_CERTIFICATE_NOT_TRUSTED("TLS certificate not trusted"),
    /** The DC's certificate is trusted but names another host. */
    TLS_HOST_NAME_MISMATCH("TLS certificate is for another host name"),
    /** Any other TLS handshake failure (protocol version, cipher suites, a reset). */
    TLS_HANDSHAKE_FAILED("TLS handshake failed"),
    /** The DC answered the StartTLS extended operation with an error. */
    START_TLS_REJECTED("StartTLS rejected"),
    /** A simple bind was asked for on a connection without TLS; refused before sending anything. */
    INSECURE_BIND_REFUSED("simple bind without TLS refused"),
    /** Our Kerberos GSS exchange failed (KRB-ERROR, mutual authentication, bad tokens). */
    KERBEROS_FAILED("Kerberos authentication failed"),
    /** The DC offered no SASL security layer as strong as required. */
    SECURITY_LAYER_REFUSED("required SASL security layer not offered"),
    /** The DC rejected the bind with an LDAP result code. */
    BIND_REJECTED("bind rejected"),
    /** Anything else the LDAP SDK reported. */
    PROTOCOL_ERROR("LDAP error");

    private final String summary;

    LdapFailure(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
