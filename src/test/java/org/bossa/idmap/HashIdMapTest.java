package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bossa.dtyp.Sid;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashIdMapTest {
    // slices from murmur3_vectors.py with SSSD's defaults (10000 slices of 200000 from 200000)
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-3481000066-1847199495-2699438602"); // slice 9204
    private static final Sid OTHER = Sid.parse("S-1-5-21-2153326666-2176343378-3404031434"); // slice 3853

    @TempDir
    Path tmp;

    @Test
    void mapsLikeSssdWithItsDefaults() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new HashIdMap("*", HashIdMap.DEFAULT_RANGE, HashIdMap.DEFAULT_SLICE_SIZE, null, store);
            assertThat(HashIdMap.preferredSlice(DOMAIN.toString(), 10000)).isEqualTo(9204);
            assertThat(map.toId(DOMAIN.withRid(1103), IdType.UID)).hasValue(1_841_001_103L);
            assertThat(map.toId(DOMAIN.withRid(513), IdType.GID)).hasValue(1_841_000_513L);
            assertThat(map.toId(OTHER.withRid(500), IdType.UID)).hasValue(770_800_500L);
            assertThat(map.toSid(1_841_001_103L, IdType.UID)).contains(DOMAIN.withRid(1103));
            assertThat(map.toSid(770_800_500L, IdType.GID)).contains(OTHER.withRid(500));
            assertThat(map.toSid(1_000_000, IdType.UID)).isEmpty(); // a slice nobody holds
            // neither BUILTIN nor well-known SIDs
            assertThat(map.toId(Sid.BUILTIN_USERS, IdType.GID)).isEmpty();
            assertThat(map.toId(Sid.EVERYONE, IdType.GID)).isEmpty();
        }
    }

    @Test
    void largeRidsGoToSecondarySlices() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new HashIdMap("*", HashIdMap.DEFAULT_RANGE, HashIdMap.DEFAULT_SLICE_SIZE, null, store);
            // "<SID>-200000" hashes to slice 910
            assertThat(map.toId(DOMAIN.withRid(200_005), IdType.UID)).hasValue(182_200_005L);
            assertThat(map.toSid(182_200_005L, IdType.UID)).contains(DOMAIN.withRid(200_005));
        }
    }

    @Test
    void collisionsTakeTheNextFreeSliceAndPersist() {
        Sid a = Sid.parse("S-1-5-21-1-2-3");
        IdRange range = new IdRange(1000, 4999); // 4 slices of 1000
        long preferred = HashIdMap.preferredSlice(a.toString(), 4);
        try (var store = EmbeddedStateStore.open(tmp)) {
            // another domain already holds a's slice
            assertThat(store.claimSlot("hash:*", "S-1-5-21-9-9-9", preferred)).isTrue();
            var map = new HashIdMap("*", range, 1000, null, store);
            long expected = 1000 + (preferred + 1) % 4 * 1000 + 7;
            assertThat(map.toId(a.withRid(7), IdType.UID)).hasValue(expected);
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new HashIdMap("*", range, 1000, null, store);
            long expected = 1000 + (preferred + 1) % 4 * 1000 + 7;
            assertThat(map.toSid(expected, IdType.UID)).contains(a.withRid(7));
            assertThat(map.toId(a.withRid(7), IdType.GID)).hasValue(expected);
        }
    }

    @Test
    void aDomainBackendMapsOnlyItsDomain() {
        try (var store = EmbeddedStateStore.open(tmp)) {
            var map = new HashIdMap("EXAMPLE", HashIdMap.DEFAULT_RANGE, HashIdMap.DEFAULT_SLICE_SIZE, DOMAIN, store);
            assertThat(map.toId(DOMAIN.withRid(1103), IdType.UID)).hasValue(1_841_001_103L);
            assertThat(map.toId(OTHER.withRid(1103), IdType.UID)).isEmpty();
        }
    }
}
