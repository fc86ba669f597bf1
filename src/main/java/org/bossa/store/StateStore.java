package org.bossa.store;

import java.util.List;
import java.util.Optional;

/**
 * The server's durable state: local users, secrets, the machine's identity and persistent id
 * allocators. One node keeps it in an embedded SQLite file
 * ({@link org.bossa.store.embedded.EmbeddedStateStore}); a cluster will keep it in etcd behind
 * the same interface.
 *
 * <p>Implementations are thread-safe; every write is atomic. Failures throw the unchecked
 * {@link StateStoreException}; malformed arguments throw {@link IllegalArgumentException}.
 * Later kinds of state (idmap entries, durable handles) get their own typed methods here.
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

    /** Closes the store; further calls fail with {@link StateStoreException}. */
    @Override
    void close();
}
