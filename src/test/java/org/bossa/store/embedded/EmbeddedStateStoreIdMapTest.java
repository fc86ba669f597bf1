package org.bossa.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bossa.store.IdRangeExhaustedException;
import org.bossa.store.MappedIdKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStateStoreIdMapTest {
    private static final String USERS = "S-1-5-32-545";
    private static final String ADMINS = "S-1-5-32-544";

    @TempDir
    Path tmp;

    @Test
    void mappingsAreAllocatedOnceAndSurviveReopening() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.findMappedId(USERS, MappedIdKind.GID)).isEmpty();
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.GID, "idmap:*:gid", 3000, 7999)).isEqualTo(3000);
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.GID, "idmap:*:gid", 3000, 7999)).isEqualTo(3000);
            assertThat(store.mapIdIfAbsent(ADMINS, MappedIdKind.GID, "idmap:*:gid", 3000, 7999)).isEqualTo(3001);
            // uids and gids are separate records and numbers
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.UID, "idmap:*:uid", 3000, 7999)).isEqualTo(3000);
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.findMappedId(USERS, MappedIdKind.GID)).hasValue(3000);
            assertThat(store.findMappedId(ADMINS, MappedIdKind.GID)).hasValue(3001);
            assertThat(store.findMappedId(ADMINS, MappedIdKind.UID)).isEmpty();
            assertThat(store.findMappedSid(3001, MappedIdKind.GID)).contains(ADMINS);
            assertThat(store.findMappedSid(3001, MappedIdKind.UID)).isEmpty();
            assertThat(store.findMappedSid(3000, MappedIdKind.UID)).contains(USERS);
            assertThat(store.mapIdIfAbsent("S-1-1-0", MappedIdKind.GID, "idmap:*:gid", 3000, 7999)).isEqualTo(3002);
        }
    }

    @Test
    void idsAlreadyRecordedAreSkippedAndExhaustionIsReported() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.GID, "first", 10, 11)).isEqualTo(10);
            // a second allocator over the same numbers must not hand out gid 10 again
            assertThat(store.mapIdIfAbsent(ADMINS, MappedIdKind.GID, "second", 10, 11)).isEqualTo(11);
            assertThatThrownBy(() -> store.mapIdIfAbsent("S-1-1-0", MappedIdKind.GID, "first", 10, 11))
                    .isInstanceOf(IdRangeExhaustedException.class);
            assertThat(store.findMappedId("S-1-1-0", MappedIdKind.GID)).isEmpty();
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.GID, "first", 10, 11)).isEqualTo(10);
        }
    }

    @Test
    void racingCallersGetOneIdPerSid() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    String sid = "S-1-5-21-1-2-3-" + (1000 + i % 8);
                    results.add(pool.submit(() -> store.mapIdIfAbsent(sid, MappedIdKind.UID, "a", 1, 1000)));
                }
                Set<Long> ids = new HashSet<>();
                for (Future<Long> f : results) {
                    ids.add(f.get());
                }
                assertThat(ids).hasSize(8);
                for (int i = 0; i < 8; i++) {
                    assertThat(store.findMappedSid(store.findMappedId("S-1-5-21-1-2-3-" + (1000 + i), MappedIdKind.UID)
                            .getAsLong(), MappedIdKind.UID)).contains("S-1-5-21-1-2-3-" + (1000 + i));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void slotsAreHandedOutInOrderOfFirstUseAndPersist() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.allocateSlot("autorid", "S-1-5-32", 3)).hasValue(0);
            assertThat(store.allocateSlot("autorid", "S-1-5-21-1-2-3", 3)).hasValue(1);
            assertThat(store.allocateSlot("autorid", "S-1-5-32", 3)).hasValue(0);
            assertThat(store.allocateSlot("other", "x", 3)).hasValue(0);
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.findSlot("autorid", "S-1-5-21-1-2-3")).hasValue(1);
            assertThat(store.findSlotKey("autorid", 1)).contains("S-1-5-21-1-2-3");
            assertThat(store.findSlotKey("autorid", 2)).isEmpty();
            assertThat(store.allocateSlot("autorid", "S-1-5-21-1-2-3#1", 3)).hasValue(2);
            assertThat(store.allocateSlot("autorid", "S-1-5-21-9-9-9", 3)).isEmpty();
            assertThat(store.findSlot("autorid", "S-1-5-21-9-9-9")).isEmpty();
        }
    }

    @Test
    void claimingASlotFailsWhenTheKeyOrTheSlotIsTaken() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.claimSlot("hash", "S-1-5-21-1-2-3", 7)).isTrue();
            assertThat(store.claimSlot("hash", "S-1-5-21-4-5-6", 7)).isFalse();
            assertThat(store.claimSlot("hash", "S-1-5-21-1-2-3", 8)).isFalse();
            assertThat(store.claimSlot("hash", "S-1-5-21-4-5-6", 8)).isTrue();
            assertThat(store.findSlot("hash", "S-1-5-21-1-2-3")).hasValue(7);
            assertThatThrownBy(() -> store.claimSlot("hash", "k", -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aVersionOneStoreIsMigrated() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            store.putSecret("k", new byte[] {1});
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("bossa.db"));
                var s = c.createStatement()) {
            s.execute("DROP TABLE id_map");
            s.execute("DROP TABLE id_slots");
            s.execute("UPDATE schema_version SET version = 1");
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThat(store.getSecret("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
            assertThat(store.mapIdIfAbsent(USERS, MappedIdKind.GID, "g", 5, 6)).isEqualTo(5);
        }
    }
}
