package org.bossa.domain;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.bossa.domain.locator.DomainController;
import org.bossa.kerberos.KdcClient;

/** Opens protected LDAP sessions on a DC (interim: TLS only until the GSSAPI connector lands). */
final class DirectoryConnections {
    private DirectoryConnections() {
    }

    static DirectorySession open(DomainSettings s, DomainController dc, KdcClient kdc, String principal,
            char[] password) {
        if (s.ldap() == DomainSettings.LdapProtection.SASL) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "SASL GSSAPI is not wired yet");
        }
        try {
            SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(s.ldapCaFile().orElseThrow().toFile()));
            LDAPConnectionOptions o = new LDAPConnectionOptions();
            o.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
            o.setConnectTimeoutMillis(5000);
            o.setResponseTimeoutMillis(30000);
            LDAPConnection c;
            if (s.ldap() == DomainSettings.LdapProtection.LDAPS) {
                c = new LDAPConnection(ssl.createSSLSocketFactory(), o, dc.hostName(), 636);
            } else {
                c = new LDAPConnection(o, dc.hostName(), 389);
                SSLContext ctx = ssl.createSSLContext();
                c.processExtendedOperation(new StartTLSExtendedRequest(ctx));
            }
            c.bind(principal, new String(password));
            return new Session(dc, c, s.ldap().name() + " as " + principal);
        } catch (LDAPException e) {
            throw ComputerAccounts.failure("bind to LDAP on", dc.hostName(), e);
        } catch (GeneralSecurityException e) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "cannot use the LDAP CA file: "
                    + e.getMessage(), e);
        }
    }

    private record Session(DomainController dc, LDAPConnection connection, String description)
            implements DirectorySession {
        @Override
        public ComputerAccounts accounts() {
            return new ComputerAccounts(connection);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
