package org.bossa.domain.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;

/**
 * An authenticated LDAP connection to a DC and what protects it. Use {@link #connection()} for
 * operations; close the session when done.
 *
 * <p>With a SASL layer the GSS sequence numbers require messages to leave in the order they are
 * wrapped: use the connection from one thread at a time.
 */
public record LdapSession(LDAPConnection connection, LdapProtection protection, LdapTarget target)
        implements AutoCloseable {
    @Override
    public void close() {
        connection.close();
    }
}
