package org.bossa.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bossa.store.IdRange;
import org.bossa.store.IdRangeExhaustedException;
import org.bossa.store.LocalUser;
import org.bossa.store.MachineSids;
import org.bossa.store.StateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStateStoreTest {
    private static final Instant WHEN = Instant.parse("2025-06-01T10:20:30.123456789Z");

    @TempDir
    Path tmp;

    private static byte[] hash(int fill) {
        byte[] h = new byte[16];
        java.util.Arrays.fill(h, (byte) fill);
        return h;
    }

    private static LocalUser user(String name, int rid) {
        return new LocalUser(name, hash(rid), rid, 70000L + rid, 70000, true, WHEN);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void usersRoundTrip() {
        Path dir = tmp.resolve("state");
        LocalUser alice = user("Alice", 1000);
        LocalUser bob = new LocalUser("bob", hash(7), 1001, 1234, 100, false, WHEN);
        try (var store = EmbeddedStateStore.open(dir)) {
            assertThat(store.findUser("alice")).isEmpty();
            assertThat(store.listUsers()).isEmpty();
            store.putUser(alice);
            store.putUser(bob);
            assertThat(store.findUser("ALICE")).contains(alice);
            assertThat(store.findUser("alice").orElseThrow().name()).isEqualTo("Alice");
            assertThat(store.findUser("Bob")).contains(bob);
        }
        try (var store = EmbeddedStateStore.open(dir)) {
            assertThat(store.listUsers()).containsExactly(alice, bob);
            LocalUser alice2 = alice.withNtHash(hash(9), WHEN.plusSeconds(5));
            store.putUser(alice2);
            assertThat(store.findUser("alice")).contains(alice2);
            // a different case replaces the same user and takes the new spelling
            LocalUser renamed = new LocalUser("ALICE", hash(9), 1000, 1, 2, true, WHEN);
            store.putUser(renamed);
            assertThat(store.listUsers()).containsExactly(renamed, bob);
            assertThat(store.deleteUser("alice")).isTrue();
            assertThat(store.deleteUser("alice")).isFalse();
            assertThat(store.listUsers()).containsExactly(bob);
        }
    }

    @Test
    void ridsAreUnique() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            store.putUser(user("alice", 1000));
            assertThatThrownBy(() -> store.putUser(user("bob", 1000)))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining("RID 1000 already belongs to user alice");
            assertThat(store.findUser("bob")).isEmpty();
        }
    }

    @Test
    void secretsRoundTrip() {
        byte[] value = "machine password".getBytes(StandardCharsets.UTF_8);
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.getSecret("machine-password")).isEmpty();
            store.putSecret("machine-password", value);
            value[0] = 'X'; // the store keeps its own copy
            assertThat(store.getSecret("machine-password")).hasValueSatisfying(
                    v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("machine password"));
            store.putSecret("machine-password", new byte[] {1, 2, 3});
            store.putSecret("empty", new byte[0]);
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.getSecret("machine-password")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
            assertThat(store.getSecret("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
            assertThat(store.deleteSecret("machine-password")).isTrue();
            assertThat(store.deleteSecret("machine-password")).isFalse();
            assertThat(store.getSecret("machine-password")).isEmpty();
            assertThatThrownBy(() -> store.putSecret("", new byte[1])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.getSecret("a\nb")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void filesArePrivate() throws Exception {
        Path dir = tmp.resolve("a/b/state");
        try (var store = EmbeddedStateStore.open(dir)) {
            store.putSecret("k", new byte[] {42});
            store.putUser(user("alice", 1000));
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(store.file())).isEqualTo("rw-------");
            Path wal = dir.resolve("bossa.db-wal");
            Path shm = dir.resolve("bossa.db-shm");
            assertThat(wal).exists(); // WAL mode, while open
            assertThat(shm).exists();
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(mode(shm)).isEqualTo("rw-------");
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void companionsKeepTheModeWhileOpenFromTheStart() throws Exception {
        // SQLite creates -wal and -shm with the database's mode; check them from the first write on
        try (var store = EmbeddedStateStore.open(tmp)) {
            for (int i = 0; i < 3; i++) {
                store.putSecret("k" + i, new byte[] {(byte) i});
                for (String suffix : List.of("-wal", "-shm")) {
                    Path p = tmp.resolve("bossa.db" + suffix);
                    if (Files.exists(p)) {
                        assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
                    }
                }
            }
        }
    }

    @Test
    void existingLooseFilesAreTightened() throws Exception {
        Path dir = tmp.resolve("state");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = dir.resolve("bossa.db");
        Files.createFile(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        try (var store = EmbeddedStateStore.open(dir)) {
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(MachineSids.isValid(store.machineSid())).isTrue();
        }
    }

    @Test
    void refusesASymlinkedDatabase() throws Exception {
        Path target = tmp.resolve("elsewhere.db");
        Files.createFile(target);
        Path dir = tmp.resolve("state");
        Files.createDirectory(dir);
        Files.createSymbolicLink(dir.resolve("bossa.db"), target);
        assertThatThrownBy(() -> EmbeddedStateStore.open(dir))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("bossa.db");
    }

    @Test
    void refusesAFileAsStateDirectory() throws Exception {
        Path file = Files.createFile(tmp.resolve("notadir"));
        assertThatThrownBy(() -> EmbeddedStateStore.open(file))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("notadir");
    }

    @Test
    void machineSidIsStable() {
        String sid;
        try (var store = EmbeddedStateStore.open(tmp)) {
            sid = store.machineSid();
            assertThat(MachineSids.isValid(sid)).isTrue();
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.machineSid()).isEqualTo(sid);
        }
        try (var other = EmbeddedStateStore.open(tmp.resolve("other"))) {
            assertThat(other.machineSid()).isNotEqualTo(sid);
        }
    }

    @Test
    void nextIdPersistsAndExhausts() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.nextId("uid", 10, 12)).isEqualTo(10);
            assertThat(store.nextId("uid", 10, 12)).isEqualTo(11);
            assertThat(store.nextId("gid", 10, 12)).isEqualTo(10); // allocators are independent
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.nextId("uid", 10, 12)).isEqualTo(12);
            assertThatThrownBy(() -> store.nextId("uid", 10, 12))
                    .isInstanceOf(IdRangeExhaustedException.class)
                    .hasMessageContaining("10-12")
                    .hasMessageContaining("uid")
                    .hasMessageContaining("bossa.db");
            // a failed allocation changes nothing; a widened range continues
            assertThat(store.nextId("uid", 10, 20)).isEqualTo(13);
            // a range moved up starts at its low end
            assertThat(store.nextId("uid", 100, 200)).isEqualTo(100);
            assertThatThrownBy(() -> store.nextId("uid", 5, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.nextId("uid", -1, 4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void idRangeSkipsIdsInUse() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            Set<Long> used = Set.of(1000L, 1001L, 1003L);
            assertThat(IdRange.LOCAL_USER_RID.allocate(store, used::contains)).isEqualTo(1002);
            assertThat(IdRange.LOCAL_USER_RID.allocate(store, used::contains)).isEqualTo(1004);
        }
    }

    @Test
    void concurrentWritersFromEightThreads() throws Exception {
        int threads = 8;
        int perThread = 25;
        try (var store = EmbeddedStateStore.open(tmp);
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int rid = (int) store.nextId("rid", 1000, 100_000);
                        store.putUser(user("t" + thread + "u" + i, rid));
                        store.findUser("t" + thread + "u" + i).orElseThrow();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            List<LocalUser> users = store.listUsers();
            assertThat(users).hasSize(threads * perThread);
            Set<Integer> rids = new HashSet<>();
            users.forEach(u -> rids.add(u.rid()));
            assertThat(rids).hasSize(threads * perThread);
        }
    }

    @Test
    void twoStoresOnOneFileSeeEachOther() {
        // the user command and the server open the same file from two processes
        try (var a = EmbeddedStateStore.open(tmp); var b = EmbeddedStateStore.open(tmp)) {
            a.putUser(user("alice", 1000));
            assertThat(b.findUser("alice")).isPresent();
            assertThat(a.nextId("x", 1, 10)).isEqualTo(1);
            assertThat(b.nextId("x", 1, 10)).isEqualTo(2);
            assertThat(a.machineSid()).isEqualTo(b.machineSid());
        }
    }

    @Test
    void closedStoreFailsCleanly() {
        var store = EmbeddedStateStore.open(tmp);
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.findUser("alice"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusesANewerSchema() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            store.putSecret("k", new byte[1]);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("bossa.db"));
                var s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        assertThatThrownBy(() -> EmbeddedStateStore.open(tmp))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("bossa.db");
    }

    @Test
    void schemaIsVersioned() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            store.machineSid();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("bossa.db"));
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT version FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(Schema.LATEST).isEqualTo(2);
            assertThat(rs.next()).isFalse();
        }
    }
}
