package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;

/** A ticket-granting ticket (for krbtgt/REALM), from an AS exchange; input to TGS exchanges. */
public final class Tgt extends KerberosTicket {
    Tgt(KerberosName client, KerberosName server, byte[] ticketDer, EncryptionKey sessionKey, Set<TicketFlag> flags,
        Instant authTime, Instant startTime, Instant endTime, Instant renewTill, Duration clockOffset) {
        super(client, server, ticketDer, sessionKey, flags, authTime, startTime, endTime, renewTill, clockOffset);
    }
}
