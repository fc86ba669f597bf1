package org.bossa.smb2.server;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-wide sessions by SessionId. Ids are random so one client cannot guess another's
 * (they travel in clear headers), and never 0 or all-ones.
 */
public final class SessionTable {
    private final Map<Long, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Session create() {
        while (true) {
            long id = random.nextLong() & 0x7FFFFFFFFFFFFFFFL;
            if (id == 0) {
                continue;
            }
            Session s = new Session(id);
            if (byId.putIfAbsent(id, s) == null) {
                return s;
            }
        }
    }

    Session get(long id) {
        return byId.get(id);
    }

    void remove(long id) {
        byId.remove(id);
    }

    /** Sessions of the whole server, in progress or valid. */
    public int size() {
        return byId.size();
    }
}
