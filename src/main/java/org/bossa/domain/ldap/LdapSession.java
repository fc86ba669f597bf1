package org.bossa.domain.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.bossa.kerberos.gss.SaslSecurityLayer;

/**
 * An authenticated LDAP connection to a DC and what protects it: {@code protection} names the
 * outer protection (TLS, else the SASL layer), {@code saslLayer} the SASL layer negotiated by a
 * Kerberos bind (which may also run inside TLS when the DC insists). Use {@link #connection()}
 * for operations; close the session when done.
 *
 * <p>With a SASL layer the GSS sequence numbers require messages to leave in the order they are
 * wrapped: use the connection from one thread at a time.
 */
public record LdapSession(LDAPConnection connection, LdapProtection protection, SaslSecurityLayer saslLayer,
        LdapTarget target)
        implements AutoCloseable {
    /** Whether what travels on this connection is encrypted (what AD wants for password changes). */
    public boolean confidential() {
        return protection == LdapProtection.TLS || saslLayer == SaslSecurityLayer.CONFIDENTIALITY;
    }

    @Override
    public void close() {
        connection.close();
    }
}
