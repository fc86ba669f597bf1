package org.bossa.kerberos.gss;

import java.util.Objects;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;

/**
 * What an initiator needs from a TGS exchange to build an AP-REQ: the ticket for the service, the
 * session key the KDC gave us with it, and our own client name and realm (RFC 4120 5.5.1: the
 * Authenticator repeats cname and crealm).
 *
 * @param ticket the service ticket, opaque to us (encrypted with the service's key)
 * @param sessionKey the ticket session key from EncTGSRepPart
 * @param clientName our principal name
 * @param clientRealm our realm
 */
public record InitiatorTicket(Ticket ticket, EncryptionKey sessionKey, PrincipalName clientName, String clientRealm) {
    public InitiatorTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientRealm, "clientRealm");
    }

    /** From our KDC client's TGS (or AS) exchange. */
    public static InitiatorTicket of(org.bossa.kerberos.ServiceTicket ticket) {
        return new InitiatorTicket(ticket.ticket(), ticket.sessionKey(), ticket.client().toKerby(), ticket.clientRealm());
    }

    @Override
    public String toString() {
        // never print the session key
        return "InitiatorTicket[" + clientName.getName() + "@" + clientRealm + " -> " + ticket.getSname().getName()
                + "@" + ticket.getRealm() + ", " + sessionKey.getKeyType().getName() + "]";
    }
}
