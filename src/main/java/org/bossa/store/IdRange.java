package org.bossa.store;

import java.util.function.LongPredicate;

/**
 * A named, inclusive range handed out by a persistent allocator ({@link StateStore#nextId}).
 *
 * @param allocator the allocator's name in the store
 * @param low the first id
 * @param high the last id
 */
public record IdRange(String allocator, long low, long high) {

    /**
     * RIDs of local users. Below 1000 are the well-known accounts and groups (MS-DTYP 2.4.2.4,
     * MS-SAMR 3.1.1.1); AD limits RIDs to 30 bits, and so do we.
     */
    public static final IdRange LOCAL_USER_RID = new IdRange("local-user-rid", 1000, 0x3FFF_FFFFL);

    /** uids of local users that have no account in /etc/passwd. */
    public static final IdRange LOCAL_USER_UID = new IdRange("local-user-uid", 70_000, 79_999);

    public IdRange {
        StoreKeys.require("allocator", allocator);
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("bad id range " + low + "-" + high);
        }
    }

    /** The next id from {@code store}, skipping ids for which {@code inUse} holds. */
    public long allocate(StateStore store, LongPredicate inUse) {
        long id;
        do {
            id = store.nextId(allocator, low, high);
        } while (inUse.test(id));
        return id;
    }
}
