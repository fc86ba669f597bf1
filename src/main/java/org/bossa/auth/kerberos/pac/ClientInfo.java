package org.bossa.auth.kerberos.pac;

import java.time.Instant;
import java.util.Objects;

/**
 * PAC_CLIENT_INFO (MS-PAC 2.7): the ticket's authentication time and the client's name as the KDC
 * wrote them, so that a PAC cannot be moved into a ticket for another client or another logon.
 *
 * @param clientId the FILETIME (100 ns units since 1601-01-01 UTC, unsigned) of the ticket's authtime
 * @param name     the client name (UTF-16LE on the wire): the ticket's cname without realm, its
 *                 components joined with '/', unescaped (MIT and Heimdal unparse it that way)
 */
public record ClientInfo(long clientId, String name) {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;
    static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;

    public ClientInfo {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The ClientId in whole seconds since 1970, rounded down, as MIT compares it
     * ({@code k5_time_to_seconds_since_1970}); before 1970 it is negative.
     */
    public long clientIdEpochSecond() {
        return Long.divideUnsigned(clientId, FILETIME_TICKS_PER_SECOND) - FILETIME_EPOCH_SECONDS;
    }

    /** A FILETIME for {@code t}, at one-second granularity (Kerberos times are whole seconds). */
    public static long fileTime(Instant t) {
        return (t.getEpochSecond() + FILETIME_EPOCH_SECONDS) * FILETIME_TICKS_PER_SECOND;
    }
}
