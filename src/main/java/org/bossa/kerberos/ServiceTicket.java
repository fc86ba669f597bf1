package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;

/**
 * A ticket for a service other than the TGS: from a TGS exchange, or from an AS exchange directly
 * for the service (then {@link #isInitial()}, which kadmin/changepw requires).
 */
public final class ServiceTicket extends KerberosTicket {
    ServiceTicket(KerberosName client, KerberosName server, byte[] ticketDer, EncryptionKey sessionKey,
                  Set<TicketFlag> flags, Instant authTime, Instant startTime, Instant endTime, Instant renewTill,
                  Duration clockOffset) {
        super(client, server, ticketDer, sessionKey, flags, authTime, startTime, endTime, renewTill, clockOffset);
    }
}
