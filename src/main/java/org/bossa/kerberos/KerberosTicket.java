package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;

/**
 * A ticket and what the KDC told us about it in the encrypted part of its reply (RFC 4120 5.4.2):
 * the client and server names, the session key, flags and times, plus the KDC's clock offset
 * measured when the reply arrived. Immutable: the ticket is kept as DER and the key as bytes, and
 * both are copied out. {@link #toString()} never shows the key.
 */
public abstract sealed class KerberosTicket permits Tgt, ServiceTicket {
    private final KerberosName client;
    private final KerberosName server;
    private final byte[] ticketDer;
    private final int sessionKeyType;
    private final byte[] sessionKey;
    private final Set<TicketFlag> flags;
    private final Instant authTime;
    private final Instant startTime;
    private final Instant endTime;
    private final Instant renewTill;
    private final Duration clockOffset;

    KerberosTicket(KerberosName client, KerberosName server, byte[] ticketDer, EncryptionKey sessionKey,
                   Set<TicketFlag> flags, Instant authTime, Instant startTime, Instant endTime, Instant renewTill,
                   Duration clockOffset) {
        this.client = client;
        this.server = server;
        this.ticketDer = ticketDer.clone();
        this.sessionKeyType = sessionKey.getKeyType().getValue();
        this.sessionKey = sessionKey.getKeyData().clone();
        this.flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        this.authTime = authTime;
        this.startTime = startTime;
        this.endTime = endTime;
        this.renewTill = renewTill;
        this.clockOffset = clockOffset;
    }

    /** The client as the KDC named it in the reply (canonical case). */
    public KerberosName client() {
        return client;
    }

    /** The client principal as {@code name@REALM}. */
    public String clientPrincipal() {
        return client.toString();
    }

    public String clientRealm() {
        return client.realm();
    }

    /** The service the ticket is for, as the KDC named it. */
    public KerberosName server() {
        return server;
    }

    /** The Ticket's DER encoding, as it goes into an AP-REQ. */
    public byte[] ticketDer() {
        return ticketDer.clone();
    }

    /** A fresh Kerby Ticket decoded from {@link #ticketDer()} (Kerby types are mutable). */
    public Ticket ticket() {
        try {
            return KrbCodec.decode(ticketDer, Ticket.class);
        } catch (KrbException e) {
            throw new IllegalStateException("stored ticket no longer decodes", e);
        }
    }

    /** A fresh copy of the session key. */
    public EncryptionKey sessionKey() {
        return new EncryptionKey(EncryptionType.fromValue(sessionKeyType), sessionKey.clone());
    }

    public EncryptionType sessionKeyType() {
        return EncryptionType.fromValue(sessionKeyType);
    }

    public Set<TicketFlag> flags() {
        return flags;
    }

    /** Whether the ticket came from an AS exchange (kpasswd's change-password wants this). */
    public boolean isInitial() {
        return flags.contains(TicketFlag.INITIAL);
    }

    public Instant authTime() {
        return authTime;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public Optional<Instant> renewTill() {
        return Optional.ofNullable(renewTill);
    }

    /** KDC time minus local time when the reply arrived; add it to the local clock for authenticators. */
    public Duration clockOffset() {
        return clockOffset;
    }

    /** Whether the ticket is still valid at {@code localNow} by the KDC's clock. */
    public boolean isCurrent(Instant localNow) {
        Instant kdcNow = localNow.plus(clockOffset);
        return !kdcNow.isBefore(startTime) && kdcNow.isBefore(endTime);
    }

    /** Wipes this object's copy of the session key; later calls to {@link #sessionKey()} return zeros. */
    public void destroyKey() {
        Arrays.fill(sessionKey, (byte) 0);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + client + " -> " + server + ", " + sessionKeyType()
                + ", valid " + startTime + " .. " + endTime + ", flags " + flags + "]";
    }
}
