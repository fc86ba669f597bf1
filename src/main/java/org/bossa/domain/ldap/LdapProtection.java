package org.bossa.domain.ldap;

/** What protects an authenticated LDAP connection. */
public enum LdapProtection {
    /** Every message is a sealed GSS Wrap token (SASL auth-conf). */
    SASL_CONFIDENTIALITY,
    /** Every message is a signed GSS Wrap token (SASL auth-int). */
    SASL_INTEGRITY,
    /** TLS (LDAPS or StartTLS) with a verified DC certificate. */
    TLS
}
