package org.bossa.domain.ldap;

import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.bossa.kerberos.gss.InitiatorTicket;

/** A well-formed but useless service ticket, for tests that never reach a DC. */
final class TestTickets {
    private TestTickets() {
    }

    static InitiatorTicket any() {
        Ticket ticket = new Ticket();
        ticket.setSname(new PrincipalName("ldap/dc1.example.test", NameType.NT_SRV_INST));
        ticket.setRealm("EXAMPLE.TEST");
        return new InitiatorTicket(ticket, new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]),
                new PrincipalName("alice", NameType.NT_PRINCIPAL), "EXAMPLE.TEST");
    }
}
