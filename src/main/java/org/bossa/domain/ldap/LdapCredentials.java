package org.bossa.domain.ldap;

import java.util.Objects;
import org.bossa.kerberos.gss.SaslSecurityLayer;
import org.bossa.kerberos.gss.InitiatorTicket;

/** How to authenticate the LDAP connection. */
public sealed interface LdapCredentials {

    /**
     * SASL GSSAPI with a Kerberos ticket for ldap/&lt;dc host&gt;. On a plain connection the
     * negotiated layer must be at least {@code minimumLayer}; inside TLS no SASL layer is used.
     */
    record Kerberos(InitiatorTicket ticket, SaslSecurityLayer minimumLayer) implements LdapCredentials {
        public Kerberos {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(minimumLayer, "minimumLayer");
            if (minimumLayer == SaslSecurityLayer.NONE) {
                throw new IllegalArgumentException("a plain LDAP connection needs at least an integrity layer");
            }
        }
    }

    /** A simple bind (DN or UPN and password); only ever sent inside TLS. */
    record Simple(String bindName, char[] password) implements LdapCredentials {
        public Simple {
            Objects.requireNonNull(bindName, "bindName");
            password = Objects.requireNonNull(password, "password").clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public String toString() {
            return "Simple[" + bindName + "]"; // never the password
        }
    }

    /** Kerberos with confidentiality required: what a join needs to set passwords. */
    static LdapCredentials kerberos(InitiatorTicket ticket) {
        return new Kerberos(ticket, SaslSecurityLayer.CONFIDENTIALITY);
    }
}
