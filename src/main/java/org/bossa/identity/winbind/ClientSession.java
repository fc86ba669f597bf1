package org.bossa.identity.winbind;

import java.util.List;

/**
 * What winbindd remembers per client connection: whether it came in on the privileged socket, and
 * the enumeration cursors of SETPWENT/GETPWENT and SETGRENT/GETGRENT (names fetched at SET*ENT,
 * position advanced by each GET*ENT batch, dropped by END*ENT or at the end).
 */
public final class ClientSession {
    /** An enumeration in progress: the names still to return, from {@code next} on. */
    static final class Cursor {
        final List<String> names;
        int next;

        Cursor(List<String> names) {
            this.names = List.copyOf(names);
        }
    }

    private final boolean privileged;
    Cursor users;
    Cursor groups;

    public ClientSession(boolean privileged) {
        this.privileged = privileged;
    }

    /** True for a connection to the privileged socket (root-only directory): the only one that may ask for auth. */
    public boolean privileged() {
        return privileged;
    }
}
