package org.bossa.domain;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.bossa.domain.ldap.LdapConnectException;
import org.bossa.domain.ldap.LdapConnector;
import org.bossa.domain.ldap.LdapCredentials;
import org.bossa.domain.ldap.LdapSession;
import org.bossa.domain.ldap.LdapTarget;
import org.bossa.domain.locator.DomainController;
import org.bossa.kerberos.KdcClient;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.ServiceTicket;
import org.bossa.kerberos.Tgt;
import org.bossa.kerberos.gss.InitiatorTicket;

/**
 * Opens the protected LDAP session a domain operation works in. The principal always logs on with
 * Kerberos first (an AS exchange), so a wrong password or clock skew is named as such whatever the
 * LDAP protection; then LDAP is bound with SASL GSSAPI and sealing using a ticket for
 * {@code ldap/<dc>}, or — with {@code ldaps}/{@code starttls} — with a simple bind inside TLS whose
 * certificate was checked against the configured CA (Samba up to 4.19 refuses Kerberos inside TLS).
 */
final class DirectoryConnections {
    private DirectoryConnections() {
    }

    static DirectorySession open(DomainSettings s, DomainController dc, KdcClient kdc, String principal,
            char[] password) {
        Tgt tgt;
        try {
            tgt = kdc.asExchange(principal, password);
        } catch (KerberosException e) {
            throw KerberosFailures.of("Kerberos logon as " + principal + " at " + dc.hostName(), e);
        }
        LdapTarget target;
        LdapCredentials credentials;
        switch (s.ldap()) {
            case SASL -> {
                target = LdapTarget.plain(dc.hostName());
                try {
                    ServiceTicket ldap = kdc.serviceTicket(tgt, target.servicePrincipal());
                    credentials = LdapCredentials.kerberos(InitiatorTicket.of(ldap));
                } catch (KerberosException e) {
                    throw KerberosFailures.of("Kerberos ticket for " + target.servicePrincipal(), e);
                }
            }
            case LDAPS -> {
                target = LdapTarget.ldaps(dc.hostName(), s.ldapCaFile().orElseThrow());
                credentials = new LdapCredentials.Simple(principal, password);
            }
            case STARTTLS -> {
                target = LdapTarget.startTls(dc.hostName(), s.ldapCaFile().orElseThrow());
                credentials = new LdapCredentials.Simple(principal, password);
            }
            default -> throw new IllegalStateException(s.ldap().name());
        }
        try {
            LdapSession session = new LdapConnector().connect(target.at(dc.address()), credentials);
            String how = switch (s.ldap()) {
                case SASL -> "SASL GSSAPI, " + (session.confidential() ? "sealed" : "signed only");
                case LDAPS -> "LDAPS, CA-verified";
                case STARTTLS -> "StartTLS, CA-verified";
            };
            return new Session(dc, session.connection(), how + ", as " + principal + " on " + dc.hostName());
        } catch (LdapConnectException e) {
            throw new DomainException(cause(e), "LDAP on " + dc.hostName() + ": " + e.getMessage(), e);
        }
    }

    private static DomainException.Cause cause(LdapConnectException e) {
        return switch (e.failure()) {
            case DC_UNREACHABLE, TIMEOUT -> DomainException.Cause.DC_UNREACHABLE;
            case CA_FILE_UNUSABLE, INSECURE_BIND_REFUSED -> DomainException.Cause.CONFIGURATION;
            case BIND_REJECTED, KERBEROS_FAILED -> DomainException.Cause.BAD_CREDENTIALS;
            default -> DomainException.Cause.PROTOCOL;
        };
    }

    private record Session(DomainController dc, LDAPConnection connection, String description)
            implements DirectorySession {
        @Override
        public ComputerAccounts accounts() {
            return new ComputerAccounts(connection);
        }

        @Override
        public DirectoryNames names() {
            return new DirectoryNames(connection);
        }

        @Override
        public DirectoryAccounts directoryAccounts() {
            return new DirectoryAccounts(connection, dc.hostName());
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
