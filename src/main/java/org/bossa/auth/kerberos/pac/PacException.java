package org.bossa.auth.kerberos.pac;

/**
 * A PAC that cannot be used: malformed bytes (a count, offset or length outside the data, a bad NDR
 * header, a duplicate buffer), or a failed check (a server checksum that does not verify, a client
 * name or time that does not match the ticket, SIDs that contradict each other).
 *
 * <p>{@link #getMessage()} is a precise reason that is safe to log: it names buffers, offsets and
 * counts, quotes wire strings through {@link org.bossa.text.LogSafe}, and never contains key material
 * or checksum bytes. There is no stack trace (the reason says where); the acceptor maps every
 * instance to one Kerberos/SMB failure status.
 */
public final class PacException extends Exception {
    public PacException(String reason) {
        super(reason, null, false, false);
    }

    /** The log-safe reason, the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
