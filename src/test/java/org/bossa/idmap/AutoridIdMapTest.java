package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.bossa.dtyp.Sid;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoridIdMapTest {
    private static final Sid A = Sid.parse("S-1-5-21-1-2-3");
    private static final Sid B = Sid.parse("S-1-5-21-4-5-6");
    private static final IdRange RANGE = new IdRange(1_000_000, 1_599_999); // 6 slots of 100000

    @TempDir
    Path tmp;

    @Test
    void slotsFollowFirstUseAndSurviveRestart() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new AutoridIdMap(RANGE, AutoridIdMap.DEFAULT_RANGE_SIZE, store);
            assertThat(map.toId(B.withRid(1103), IdType.UID)).hasValue(1_001_103);     // slot 0
            assertThat(map.toId(A.withRid(513), IdType.GID)).hasValue(1_100_513);      // slot 1
            assertThat(map.toId(Sid.BUILTIN_USERS, IdType.GID)).hasValue(1_200_545);   // slot 2
            assertThat(map.toId(B.withRid(513), IdType.GID)).hasValue(1_000_513);      // users and groups alike
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new AutoridIdMap(RANGE, AutoridIdMap.DEFAULT_RANGE_SIZE, store);
            assertThat(map.toId(A.withRid(1103), IdType.UID)).hasValue(1_101_103);
            assertThat(map.toSid(1_001_103, IdType.UID)).contains(B.withRid(1103));
            assertThat(map.toSid(1_200_545, IdType.GID)).contains(Sid.BUILTIN_USERS);
            assertThat(map.toSid(1_300_000, IdType.UID)).isEmpty();
            assertThat(map.toSid(999_999, IdType.UID)).isEmpty();
        }
    }

    @Test
    void largeRidsUseExtensionSlots() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new AutoridIdMap(RANGE, AutoridIdMap.DEFAULT_RANGE_SIZE, store);
            assertThat(map.toId(A.withRid(1000), IdType.UID)).hasValue(1_001_000);
            assertThat(map.toId(A.withRid(250_001), IdType.UID)).hasValue(1_150_001); // "A#2" gets slot 1
            assertThat(store.findSlot("autorid", A + "#2")).hasValue(1);
            assertThat(map.toSid(1_150_001, IdType.UID)).contains(A.withRid(250_001));
        }
    }

    @Test
    void wellKnownSidsComeFromTheAllocRange() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new AutoridIdMap(RANGE, AutoridIdMap.DEFAULT_RANGE_SIZE, store);
            assertThat(map.toId(A.withRid(1), IdType.UID)).hasValue(1_000_001);
            assertThat(map.toId(Sid.EVERYONE, IdType.GID)).hasValue(1_100_000);
            assertThat(map.toId(Sid.AUTHENTICATED_USERS, IdType.GID)).hasValue(1_100_001);
            assertThat(map.toId(Sid.EVERYONE, IdType.GID)).hasValue(1_100_000);
            assertThat(map.toSid(1_100_001, IdType.GID)).contains(Sid.AUTHENTICATED_USERS);
            assertThat(map.toSid(1_100_001, IdType.UID)).isEmpty();
        }
    }

    @Test
    void newDomainsGetNothingOnceTheSlotsAreUsedUp() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new AutoridIdMap(new IdRange(10_000, 14_999), 2_000, store); // 2 slots, 999 ids unused
            assertThat(map.toId(A.withRid(5), IdType.UID)).hasValue(10_005);
            assertThat(map.toId(B.withRid(5), IdType.UID)).hasValue(12_005);
            assertThat(map.toId(Sid.parse("S-1-5-21-7-8-9-5"), IdType.UID)).isEmpty();
            assertThat(map.toSid(14_500, IdType.UID)).isEmpty();
        }
    }

    @Test
    void refusesTooSmallRangeSizes() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            assertThatThrownBy(() -> new AutoridIdMap(RANGE, 1999, store)).hasMessageContaining("rangesize");
            assertThatThrownBy(() -> new AutoridIdMap(new IdRange(1, 1000), 2000, store)).hasMessageContaining("fit");
        }
    }
}
