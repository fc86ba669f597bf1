package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's opens by volatile id, with a count per session for the opens-per-session limit.
 * Written only by the connection's request worker (CREATE, CLOSE, teardown); read by anyone.
 */
public final class OpenTable {
    private final Map<Long, Open> byVolatileId = new ConcurrentHashMap<>();
    private final Map<Session, Integer> perSession = new ConcurrentHashMap<>();

    /** Adds an open created by CREATE. */
    public void add(Open open) {
        byVolatileId.put(open.volatileId(), open);
        perSession.merge(open.tree().session(), 1, Integer::sum);
    }

    public Open get(long volatileId) {
        return byVolatileId.get(volatileId);
    }

    /** Removes {@code open}; false when it was no longer there (someone else removed it first). */
    boolean remove(Open open) {
        if (!byVolatileId.remove(open.volatileId(), open)) {
            return false;
        }
        perSession.computeIfPresent(open.tree().session(), (s, n) -> n == 1 ? null : n - 1);
        return true;
    }

    public Collection<Open> values() {
        return byVolatileId.values();
    }

    /**
     * A snapshot of the opens in the order they were made (volatile ids come from one increasing
     * counter). Closing several at once (tree disconnect, logoff, teardown) goes in this order, as
     * Windows does: an earlier open's byte-range locks are released, and the blocked LOCK of a
     * later open granted, before that later open closes (smbtorture smb2.lock.cancel-tdis).
     */
    List<Open> inOpeningOrder() {
        List<Open> all = new ArrayList<>(byVolatileId.values());
        all.sort(Comparator.comparingLong(Open::volatileId));
        return all;
    }

    public int size() {
        return byVolatileId.size();
    }

    int countFor(Session s) {
        return perSession.getOrDefault(s, 0);
    }
}
