package org.bossa.store.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bossa.store.StateStoreException;

/**
 * The database schema and its migrations. Migration {@code n} (1-based) takes the schema from
 * version {@code n - 1} to {@code n}; {@code schema_version} holds the version the file is at.
 * Migrations only ever append: never edit one that has shipped.
 */
final class Schema {

    /** Each entry: the statements of one migration, applied in one transaction with the version bump. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // v1: local users, secrets, settings, id allocators
            List.of(
                    """
                    CREATE TABLE users (
                        name_key          TEXT    NOT NULL PRIMARY KEY,
                        name              TEXT    NOT NULL,
                        nt_hash           BLOB    NOT NULL CHECK (length(nt_hash) = 16),
                        rid               INTEGER NOT NULL UNIQUE,
                        uid               INTEGER NOT NULL,
                        gid               INTEGER NOT NULL,
                        enabled           INTEGER NOT NULL CHECK (enabled IN (0, 1)),
                        password_last_set TEXT    NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE secrets (
                        key   TEXT NOT NULL PRIMARY KEY,
                        value BLOB NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE settings (
                        key   TEXT NOT NULL PRIMARY KEY,
                        value TEXT NOT NULL
                    ) STRICT""",
                    """
                    CREATE TABLE id_alloc (
                        name TEXT    NOT NULL PRIMARY KEY,
                        next INTEGER NOT NULL
                    ) STRICT"""),
            // v2: idmap: SID <-> uid/gid records of allocating backends, and the slots (ranges) of autorid and hash
            List.of(
                    """
                    CREATE TABLE id_map (
                        sid  TEXT    NOT NULL,
                        kind TEXT    NOT NULL CHECK (kind IN ('UID', 'GID')),
                        id   INTEGER NOT NULL CHECK (id >= 0),
                        PRIMARY KEY (sid, kind),
                        UNIQUE (kind, id)
                    ) STRICT""",
                    """
                    CREATE TABLE id_slots (
                        namespace TEXT    NOT NULL,
                        key       TEXT    NOT NULL,
                        slot      INTEGER NOT NULL CHECK (slot >= 0),
                        PRIMARY KEY (namespace, key),
                        UNIQUE (namespace, slot)
                    ) STRICT"""));

    /** The schema version this build writes. */
    static final int LATEST = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the schema up to {@link #LATEST}; the caller holds a write transaction.
     *
     * @return the version the file was at before
     */
    static int migrate(Connection c, String store) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT");
            int current;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > LATEST) {
                throw new StateStoreException(store + " has schema version " + current
                        + ", newer than this build of Bossa understands (" + LATEST + ")");
            }
            for (int v = current + 1; v <= LATEST; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
            }
            if (current < LATEST) {
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version (version) VALUES (" + LATEST + ")");
            }
            return current;
        }
    }
}
