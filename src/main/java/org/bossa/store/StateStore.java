package org.bossa.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server's durable state: local users, secrets, the machine's identity and persistent id
 * allocators. One node keeps it in an embedded SQLite file
 * ({@link org.bossa.store.embedded.EmbeddedStateStore}); a cluster will keep it in etcd behind
 * the same interface.
 *
 * <p>Implementations are thread-safe; every write is atomic. Failures throw the unchecked
 * {@link StateStoreException}; malformed arguments throw {@link IllegalArgumentException}.
 * Later kinds of state (durable handles ...) get their own typed methods here.
 */
public interface StateStore extends AutoCloseable {

    // ---- local users

    /** The local user named {@code name}, compared case-insensitively ({@link LocalUser#nameKey}). */
    Optional<LocalUser> findUser(String name);

    /** All local users, ordered by name key. */
    List<LocalUser> listUsers();

    /**
     * Stores {@code user}, replacing a user of the same name (in any case).
     *
     * @throws StateStoreException if another user already has the same RID
     */
    void putUser(LocalUser user);

    /** Deletes the user named {@code name} (any case); false if there was none. */
    boolean deleteUser(String name);

    // ---- secrets (machine password, trust keys ...)

    /** A copy of the secret stored under {@code key}. */
    Optional<byte[]> getSecret(String key);

    /** Stores {@code value} under {@code key} ({@link StoreKeys}), replacing any previous value. */
    void putSecret(String key, byte[] value);

    /** Deletes the secret under {@code key}; false if there was none. */
    boolean deleteSecret(String key);

    // ---- identity

    /**
     * This server's machine SID, {@code S-1-5-21-a-b-c} with three random unsigned 32-bit
     * sub-authorities, generated when the store is first created and the same ever after.
     */
    String machineSid();

    // ---- allocators

    /**
     * The next id of the persistent allocator named {@code allocator} within {@code low..high}
     * (inclusive). Ids are handed out in increasing order, each once, across restarts; if the
     * range is changed, the allocator continues at {@code max(low, last handed out + 1)}.
     *
     * @throws IdRangeExhaustedException if every id up to {@code high} has been handed out
     * @throws IllegalArgumentException if {@code low < 0} or {@code high < low}
     */
    long nextId(String allocator, long low, long high);

    // ---- idmap records (the allocating backends: Samba's idmap_tdb and the ALLOC range of autorid)

    /** The {@code kind} id recorded for {@code sid} (a SID string), if any. */
    OptionalLong findMappedId(String sid, MappedIdKind kind);

    /** The SID recorded for {@code kind} id {@code id}, if any. */
    Optional<String> findMappedSid(long id, MappedIdKind kind);

    /**
     * The {@code kind} id of {@code sid}: the recorded one, or else the next id of the allocator
     * named {@code allocator} within {@code low..high} (as {@link #nextId}), skipping ids already
     * recorded for another SID, recorded for {@code sid} in the same transaction. Two callers racing
     * for the same SID get the same id.
     *
     * @throws IdRangeExhaustedException if the SID has no record and no id is left in the range
     * @throws IllegalArgumentException as {@link #nextId}, or if {@code sid} is not a valid key
     */
    long mapIdIfAbsent(String sid, MappedIdKind kind, String allocator, long low, long high);

    // ---- idmap slots (autorid's domain ranges, the hash backend's slices)

    /** The slot recorded for {@code key} in {@code namespace}, if any. */
    OptionalLong findSlot(String namespace, String key);

    /** The key holding slot {@code slot} in {@code namespace}, if any. */
    Optional<String> findSlotKey(String namespace, long slot);

    /**
     * The slot of {@code key} in {@code namespace}: the recorded one, or else the lowest slot above
     * every slot recorded so far (slots are handed out in order of first use, as autorid does), if
     * it is below {@code slotCount}.
     *
     * @return the slot, or empty if {@code key} has none and all {@code slotCount} slots are taken
     */
    OptionalLong allocateSlot(String namespace, String key, long slotCount);

    /**
     * Records slot {@code slot} for {@code key} in {@code namespace} unless the key already has a
     * slot or the slot already has a key (atomically).
     *
     * @return true if recorded, false if either was taken
     */
    boolean claimSlot(String namespace, String key, long slot);

    /** Closes the store; further calls fail with {@link StateStoreException}. */
    @Override
    void close();
}
