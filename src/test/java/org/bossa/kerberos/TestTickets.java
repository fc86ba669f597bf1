package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;

/** Tickets with a known session key, for codec tests outside this package (kpasswd). */
public final class TestTickets {
    private TestTickets() {
    }

    public static ServiceTicket serviceTicket(String client, String service, EncryptionKey sessionKey) throws Exception {
        KerberosName c = KerberosName.parse(client, "EXAMPLE.TEST");
        KerberosName s = KerberosName.parse(service, "EXAMPLE.TEST");
        Ticket t = new Ticket();
        t.setTktKvno(5);
        t.setRealm(s.realm());
        t.setSname(s.toKerby());
        EncryptedData enc = new EncryptedData();
        enc.setEType(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        enc.setKvno(2);
        enc.setCipher(new byte[64]);
        t.setEncryptedEncPart(enc);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new ServiceTicket(c, s, KrbCodec.encode(t), sessionKey, Set.of(TicketFlag.INITIAL), now, now,
                now.plus(Duration.ofMinutes(2)), null, Duration.ZERO);
    }
}
