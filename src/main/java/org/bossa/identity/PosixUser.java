package org.bossa.identity;

import java.util.Objects;
import org.bossa.dtyp.Sid;

/**
 * A domain user as the host sees it (struct passwd plus its SID).
 *
 * @param name the name NSS shows ("EXAMPLE\alice", as winbind's default, or the bare name)
 * @param uid the mapped uid
 * @param gid the mapped gid of the user's primary group
 * @param gecos the full name (may be empty)
 * @param home the home directory from the template
 * @param shell the login shell from the template
 * @param sid the user's SID
 */
public record PosixUser(String name, long uid, long gid, String gecos, String home, String shell, Sid sid) {
    public PosixUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gecos, "gecos");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(sid, "sid");
    }
}
