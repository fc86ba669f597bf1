package org.bossa.store.embedded;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.bossa.store.IdRangeExhaustedException;
import org.bossa.store.LocalUser;
import org.bossa.store.MachineSids;
import org.bossa.store.MappedIdKind;
import org.bossa.store.StateStore;
import org.bossa.store.StateStoreException;
import org.bossa.store.StoreKeys;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The state store of a single node: {@value #FILE_NAME} in the state directory, a SQLite
 * database in WAL mode.
 *
 * <p>The directory is 0700 and the database, with its -wal and -shm files, 0600 before anything
 * is written. One connection serves all threads, one call at a time; every write runs in its own
 * {@code BEGIN IMMEDIATE} transaction, so other processes on the same file (the {@code bossa user}
 * command while the server runs) wait for the lock (busy timeout) rather than fail.
 */
public final class EmbeddedStateStore implements StateStore {
    public static final String FILE_NAME = "bossa.db";
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final String MACHINE_SID = "machine_sid";

    private final Path dbFile;
    private final String label;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection conn; // null once closed; guarded by lock
    private final String machineSid;

    private EmbeddedStateStore(Path dbFile, Connection conn) {
        this.dbFile = dbFile;
        this.label = "state store " + dbFile;
        this.conn = conn;
        this.machineSid = write("initialise", c -> {
            Schema.migrate(c, label);
            return initMachineSid(c);
        });
        restrictCompanions();
    }

    /**
     * Opens the store in {@code stateDir}, creating the directory (0700) and the database (0600)
     * if need be, and migrating the schema to the current version.
     */
    public static EmbeddedStateStore open(Path stateDir) {
        Objects.requireNonNull(stateDir, "stateDir");
        PrivateFiles.ensureDirectory(stateDir);
        Path db = stateDir.resolve(FILE_NAME).toAbsolutePath();
        PrivateFiles.ensureFile(db);
        restrictCompanions(db);

        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE); // the file exists with its mode; SQLite must not make one
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
        } catch (SQLException e) {
            throw new StateStoreException("cannot open state store " + db + ": " + describe(e), e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA secure_delete = ON"); // deleted secrets are overwritten, not left in free pages
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new StateStoreException("state store " + db + ": cannot use WAL mode (journal mode is "
                            + mode + "); is the state directory on a network file system?");
                }
            }
        } catch (SQLException | StateStoreException e) {
            closeQuietly(c);
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw new StateStoreException("cannot open state store " + db + ": " + describe((SQLException) e), e);
        }
        try {
            return new EmbeddedStateStore(db, c);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return dbFile;
    }

    // ---- users

    @Override
    public Optional<LocalUser> findUser(String name) {
        String key = LocalUser.nameKey(name);
        return read("read user", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, nt_hash, rid, uid, gid, enabled, password_last_set FROM users WHERE name_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<LocalUser> listUsers() {
        return read("list users", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, nt_hash, rid, uid, gid, enabled, password_last_set FROM users ORDER BY name_key");
                    ResultSet rs = ps.executeQuery()) {
                List<LocalUser> users = new ArrayList<>();
                while (rs.next()) {
                    users.add(user(rs));
                }
                return List.copyOf(users);
            }
        });
    }

    @Override
    public void putUser(LocalUser user) {
        Objects.requireNonNull(user, "user");
        String key = user.nameKey();
        write("store user " + user.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM users WHERE rid = ? AND name_key <> ?")) {
                ps.setInt(1, user.rid());
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new StateStoreException(label + ": RID " + user.rid() + " already belongs to user "
                                + rs.getString(1));
                    }
                }
            }
            byte[] hash = user.ntHash();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO users (name_key, name, nt_hash, rid, uid, gid, enabled, password_last_set)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, nt_hash = excluded.nt_hash,
                        rid = excluded.rid, uid = excluded.uid, gid = excluded.gid, enabled = excluded.enabled,
                        password_last_set = excluded.password_last_set""")) {
                ps.setString(1, key);
                ps.setString(2, user.name());
                ps.setBytes(3, hash);
                ps.setInt(4, user.rid());
                ps.setLong(5, user.uid());
                ps.setLong(6, user.gid());
                ps.setInt(7, user.enabled() ? 1 : 0);
                ps.setString(8, user.passwordLastSet().toString());
                ps.executeUpdate();
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
            return null;
        });
    }

    @Override
    public boolean deleteUser(String name) {
        String key = LocalUser.nameKey(name);
        return write("delete user " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private LocalUser user(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        try {
            return new LocalUser(name, rs.getBytes(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                    rs.getInt(6) != 0, Instant.parse(rs.getString(7)));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new StateStoreException(label + ": stored user " + name + " is malformed: " + e.getMessage(), e);
        }
    }

    // ---- secrets

    @Override
    public Optional<byte[]> getSecret(String key) {
        StoreKeys.require("secret key", key);
        return read("read secret " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM secrets WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putSecret(String key, byte[] value) {
        StoreKeys.require("secret key", key);
        Objects.requireNonNull(value, "value");
        byte[] copy = value.clone();
        try {
            write("store secret " + key, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO secrets (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                    ps.setString(1, key);
                    ps.setBytes(2, copy);
                    ps.executeUpdate();
                }
                return null;
            });
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    @Override
    public boolean deleteSecret(String key) {
        StoreKeys.require("secret key", key);
        return write("delete secret " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secrets WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---- identity

    @Override
    public String machineSid() {
        return machineSid;
    }

    private String initMachineSid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, MACHINE_SID);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String sid = rs.getString(1);
                    if (!MachineSids.isValid(sid)) {
                        throw new StateStoreException(label + ": stored machine SID is malformed: " + sid);
                    }
                    return sid;
                }
            }
        }
        String sid = MachineSids.generate(new SecureRandom());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
            ps.setString(1, MACHINE_SID);
            ps.setString(2, sid);
            ps.executeUpdate();
        }
        return sid;
    }

    // ---- allocators

    @Override
    public long nextId(String allocator, long low, long high) {
        StoreKeys.require("allocator name", allocator);
        checkRange(low, high);
        return write("allocate an id from " + allocator, c -> allocate(c, allocator, low, high));
    }

    /** The next id of {@code allocator}; the caller holds a write transaction. */
    private long allocate(Connection c, String allocator, long low, long high) throws SQLException {
        long next = low;
        try (PreparedStatement ps = c.prepareStatement("SELECT next FROM id_alloc WHERE name = ?")) {
            ps.setString(1, allocator);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    next = Math.max(low, rs.getLong(1));
                }
            }
        }
        if (next > high) {
            throw new IdRangeExhaustedException(label, allocator, low, high);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO id_alloc (name, next) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET next = excluded.next")) {
            ps.setString(1, allocator);
            ps.setLong(2, next + 1);
            ps.executeUpdate();
        }
        return next;
    }

    private static void checkRange(long low, long high) {
        if (low < 0 || high < low || high == Long.MAX_VALUE) {
            throw new IllegalArgumentException("bad id range " + low + "-" + high);
        }
    }

    // ---- idmap records

    @Override
    public OptionalLong findMappedId(String sid, MappedIdKind kind) {
        StoreKeys.require("SID", sid);
        Objects.requireNonNull(kind, "kind");
        return read("read the id of " + sid, c -> mappedId(c, sid, kind));
    }

    private static OptionalLong mappedId(Connection c, String sid, MappedIdKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM id_map WHERE sid = ? AND kind = ?")) {
            ps.setString(1, sid);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    @Override
    public Optional<String> findMappedSid(long id, MappedIdKind kind) {
        Objects.requireNonNull(kind, "kind");
        return read("read the SID of " + kind + " " + id, c -> mappedSid(c, id, kind));
    }

    private static Optional<String> mappedSid(Connection c, long id, MappedIdKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sid FROM id_map WHERE id = ? AND kind = ?")) {
            ps.setLong(1, id);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public long mapIdIfAbsent(String sid, MappedIdKind kind, String allocator, long low, long high) {
        StoreKeys.require("SID", sid);
        StoreKeys.require("allocator name", allocator);
        Objects.requireNonNull(kind, "kind");
        checkRange(low, high);
        return write("map " + sid + " to a " + kind, c -> {
            OptionalLong existing = mappedId(c, sid, kind);
            if (existing.isPresent()) {
                return existing.getAsLong();
            }
            long id;
            do {
                // an id can already be taken if the allocator was renamed or a record was made by hand
                id = allocate(c, allocator, low, high);
            } while (mappedSid(c, id, kind).isPresent());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO id_map (sid, kind, id) VALUES (?, ?, ?)")) {
                ps.setString(1, sid);
                ps.setString(2, kind.name());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return id;
        });
    }

    // ---- idmap slots

    @Override
    public OptionalLong findSlot(String namespace, String key) {
        StoreKeys.require("slot namespace", namespace);
        StoreKeys.require("slot key", key);
        return read("read the slot of " + key, c -> slot(c, namespace, key));
    }

    private static OptionalLong slot(Connection c, String namespace, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slot FROM id_slots WHERE namespace = ? AND key = ?")) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    @Override
    public Optional<String> findSlotKey(String namespace, long slot) {
        StoreKeys.require("slot namespace", namespace);
        return read("read slot " + slot, c -> slotKey(c, namespace, slot));
    }

    private static Optional<String> slotKey(Connection c, String namespace, long slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM id_slots WHERE namespace = ? AND slot = ?")) {
            ps.setString(1, namespace);
            ps.setLong(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public OptionalLong allocateSlot(String namespace, String key, long slotCount) {
        StoreKeys.require("slot namespace", namespace);
        StoreKeys.require("slot key", key);
        if (slotCount < 0) {
            throw new IllegalArgumentException("negative slot count " + slotCount);
        }
        return write("allocate a slot for " + key, c -> {
            OptionalLong existing = slot(c, namespace, key);
            if (existing.isPresent()) {
                return existing;
            }
            long next;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(slot) + 1, 0) FROM id_slots WHERE namespace = ?")) {
                ps.setString(1, namespace);
                try (ResultSet rs = ps.executeQuery()) {
                    next = rs.next() ? rs.getLong(1) : 0;
                }
            }
            if (next >= slotCount) {
                return OptionalLong.empty();
            }
            insertSlot(c, namespace, key, next);
            return OptionalLong.of(next);
        });
    }

    @Override
    public boolean claimSlot(String namespace, String key, long slot) {
        StoreKeys.require("slot namespace", namespace);
        StoreKeys.require("slot key", key);
        if (slot < 0) {
            throw new IllegalArgumentException("negative slot " + slot);
        }
        return write("claim slot " + slot + " for " + key, c -> {
            if (slot(c, namespace, key).isPresent() || slotKey(c, namespace, slot).isPresent()) {
                return false;
            }
            insertSlot(c, namespace, key, slot);
            return true;
        });
    }

    private static void insertSlot(Connection c, String namespace, String key, long slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO id_slots (namespace, key, slot) VALUES (?, ?, ?)")) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            ps.setLong(3, slot);
            ps.executeUpdate();
        }
    }

    // ---- lifecycle

    @Override
    public void close() {
        lock.lock();
        try {
            if (conn != null) {
                Connection c = conn;
                conn = null;
                c.close();
            }
        } catch (SQLException e) {
            throw new StateStoreException("cannot close " + label + ": " + describe(e), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStateStore[" + dbFile + "]";
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} (reads only, one statement or several that need not agree) under the lock. */
    private <T> T read(String what, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in a write transaction under the lock; any exception rolls it back. */
    private <T> T write(String what, Work<T> work) {
        lock.lock();
        try {
            Connection c = connection();
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            boolean committed = false;
            try {
                T result = work.run(c);
                try (Statement s = c.createStatement()) {
                    s.execute("COMMIT");
                }
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback(c);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (conn == null) {
            throw new StateStoreException(label + " is closed");
        }
        return conn;
    }

    private static void rollback(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite rolls back on its own after some errors; nothing more to undo
        }
    }

    private void restrictCompanions() {
        restrictCompanions(dbFile);
    }

    private static void restrictCompanions(Path db) {
        PrivateFiles.restrictIfPresent(db.resolveSibling(db.getFileName() + "-wal"));
        PrivateFiles.restrictIfPresent(db.resolveSibling(db.getFileName() + "-shm"));
        PrivateFiles.restrictIfPresent(db.resolveSibling(db.getFileName() + "-journal"));
    }

    private StateStoreException failure(String what, SQLException e) {
        return new StateStoreException(label + ": cannot " + what + ": " + describe(e), e);
    }

    /** SQLite's result code and its meaning; never the statement or its parameters. */
    private static String describe(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            return se.getResultCode().name() + " (" + se.getResultCode().message + ")";
        }
        return "SQL error " + e.getErrorCode();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }
}
