package org.bossa.smb2.server;

/**
 * The CommandSequenceWindow of MS-SMB2 3.3.1.1: which MessageIds the client may use next.
 * Ids are granted in order; each may be used once; the window slides as its lowest ids are used.
 * Confined to the connection's request worker (not thread-safe).
 */
final class CreditWindow {
    /** The most credits a client may hold at once (Samba's "smb2 max credits" default). */
    static final int MAX_CREDITS = 8192;

    private final boolean[] used = new boolean[MAX_CREDITS * 2];
    private long low;          // lowest id not yet used
    private long high = 1;     // one past the highest id granted (a new connection may send id 0)

    /** Claims ids [messageId, messageId + charge); false when any is outside the window or reused. */
    boolean consume(long messageId, int charge) {
        if (messageId < low || messageId + charge > high || messageId + charge < messageId) {
            return false;
        }
        for (long id = messageId; id < messageId + charge; id++) {
            if (used[slot(id)]) {
                return false;
            }
        }
        for (long id = messageId; id < messageId + charge; id++) {
            used[slot(id)] = true;
        }
        while (low < high && used[slot(low)]) {
            used[slot(low)] = false;
            low++;
        }
        return true;
    }

    /** Credits the client still holds. */
    int outstanding() {
        return (int) (high - low);
    }

    /**
     * Grants what the client asked for within the limit, and at least one credit whenever the client
     * would otherwise hold none (a client with no credits can never send again).
     */
    int grant(int requested) {
        int want = Math.max(requested, 1);
        int room = MAX_CREDITS - outstanding();
        int n = Math.max(0, Math.min(want, room));
        if (n == 0 && outstanding() == 0) {
            n = 1;
        }
        high += n;
        return n;
    }

    private int slot(long id) {
        return (int) (id % used.length);
    }
}
