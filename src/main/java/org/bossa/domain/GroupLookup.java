package org.bossa.domain;

import java.util.Objects;
import org.bossa.dtyp.Sid;

/**
 * What looking a group name up gave. The three outcomes are kept apart because a share's
 * {@code valid-users} treats them differently, as Samba does since 4.21: a group that exists is
 * tested against the session's token, a name the directory says does not exist is skipped, and a
 * lookup that could not be answered (DC unreachable, bind refused, timeout) refuses the connection.
 */
public sealed interface GroupLookup {

    /** The group exists and has this SID. */
    record Found(Sid sid) implements GroupLookup {
        public Found {
            Objects.requireNonNull(sid, "sid");
        }
    }

    /** The directory (or the host's group database) answered: no group of that name. */
    record NotFound() implements GroupLookup {
    }

    /** No answer could be had; {@code reason} says why in one line, fit for a log. */
    record Failed(String reason) implements GroupLookup {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    GroupLookup NOT_FOUND = new NotFound();
}
