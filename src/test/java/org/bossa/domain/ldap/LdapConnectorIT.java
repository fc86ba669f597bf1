package org.bossa.domain.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchResultEntry;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.kerberos.gss.ServiceTicket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LdapConnectorIT {
    private final LdapConnector connector = new LdapConnector();

    @ParameterizedTest
    @EnumSource(value = EncryptionType.class, names = {"AES256_CTS_HMAC_SHA1_96", "AES128_CTS_HMAC_SHA1_96"})
    void sealedGssapiBind(EncryptionType etype) throws Exception {
        ServiceTicket ticket = ServiceTicket.of(DevDc.ldapTicket(etype));
        assertThat(ticket.sessionKey().getKeyType()).isEqualTo(etype);
        try (LdapSession s = connector.connect(LdapTarget.plain(DevDc.HOST), LdapCredentials.kerberos(ticket))) {
            assertThat(s.protection()).isEqualTo(LdapProtection.SASL_CONFIDENTIALITY);
            Entry root = s.connection().getRootDSE();
            System.out.println(root.toLDIFString());
        }
    }
}
