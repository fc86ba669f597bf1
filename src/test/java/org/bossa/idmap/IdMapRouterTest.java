package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bossa.dtyp.Sid;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdMapRouterTest {
    private static final Sid EXAMPLE = Sid.parse("S-1-5-21-3481000066-1847199495-2699438602");
    private static final Sid TRUSTED = Sid.parse("S-1-5-21-1-2-3");

    @TempDir
    Path tmp;

    /** Samba's reference member: idmap config EXAMPLE : rid 10000-999999, idmap config * : tdb 3000-7999. */
    private static IdMapConfig reference() throws IdMapConfigException {
        return IdMapConfig.of(List.of(
                new IdMapConfig.Settings("EXAMPLE", null, "rid", "10000-999999", Map.of()),
                new IdMapConfig.Settings("*", null, "tdb", "3000-7999", Map.of())));
    }

    private static IdMapRouter router(IdMapConfig config, EmbeddedStateStore store) throws IdMapConfigException {
        return IdMapRouter.create(config, store, Map.of("example", EXAMPLE), name -> Optional.empty());
    }

    @Test
    void sambasReferenceSetup() throws Exception {
        long users;
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapper map = router(reference(), store);
            assertThat(map.toUid(EXAMPLE.withRid(1103))).hasValue(11103);
            assertThat(map.toGid(EXAMPLE.withRid(513))).hasValue(10513);
            assertThat(map.fromUid(11103)).contains(EXAMPLE.withRid(1103));
            assertThat(map.fromGid(10513)).contains(EXAMPLE.withRid(513));
            users = map.toGid(Sid.BUILTIN_USERS).orElseThrow();
            assertThat(users).isBetween(3000L, 7999L);
            assertThat(map.toGid(Sid.BUILTIN_USERS)).hasValue(users);
            long everyone = map.toGid(Sid.EVERYONE).orElseThrow();
            assertThat(everyone).isBetween(3000L, 7999L).isNotEqualTo(users);
            assertThat(map.toGid(Sid.AUTHENTICATED_USERS)).isNotEmpty();
            assertThat(map.toGid(Sid.NETWORK)).isNotEmpty();
            assertThat(map.toGid(Sid.parse("S-1-18-1"))).isNotEmpty();
            // a domain without its own backend falls to the default range
            assertThat(map.toUid(TRUSTED.withRid(1103)).orElseThrow()).isBetween(3000L, 7999L);
        }
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapper map = router(reference(), store);
            assertThat(map.toGid(Sid.BUILTIN_USERS)).hasValue(users);
            assertThat(map.fromGid(users)).contains(Sid.BUILTIN_USERS);
            assertThat(map.fromUid(7999)).isEmpty(); // in the default range, but no such uid was handed out
        }
    }

    @Test
    void unixSidsAndIdsOutsideEveryRange() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapper map = router(reference(), store);
            assertThat(map.toUid(Sid.unixUser(1000))).hasValue(1000);
            assertThat(map.toGid(Sid.unixGroup(100))).hasValue(100);
            assertThat(map.toGid(Sid.unixUser(1000))).isEmpty();
            assertThat(map.toUid(Sid.unixGroup(100))).isEmpty();
            assertThat(map.fromUid(1000)).contains(Sid.unixUser(1000));
            assertThat(map.fromGid(0)).contains(Sid.unixGroup(0));
            assertThat(map.fromUid(-1)).isEmpty();
            assertThat(map.fromUid(1L << 32)).isEmpty();
            // an id of the rid range beyond the last RID maps back to its SID as rid does
            assertThat(map.fromUid(999_999)).contains(EXAMPLE.withRid(989_999));
        }
    }

    @Test
    void withoutADefaultRangeBuiltinHasNoIds() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapper map = router(IdMapConfig.of(List.of(
                    new IdMapConfig.Settings("EXAMPLE", null, "rid", "10000-999999", Map.of()))), store);
            assertThat(map.toGid(Sid.BUILTIN_USERS)).isEmpty();
            assertThat(map.toGid(Sid.EVERYONE)).isEmpty();
            assertThat(map.toUid(TRUSTED.withRid(1103))).isEmpty();
            assertThat(map.toUid(EXAMPLE.withRid(1103))).hasValue(11103);
        }
    }

    @Test
    void aDomainWithoutAKnownSidKeepsItsRangeButMapsNothing() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapConfig config = IdMapConfig.of(List.of(
                    new IdMapConfig.Settings("EXAMPLE", null, "rid", "10000-999999", Map.of()),
                    new IdMapConfig.Settings("*", null, "tdb", "3000-7999", Map.of())));
            IdMapRouter map = IdMapRouter.create(config, store, Map.of(), name -> Optional.empty());
            assertThat(map.unresolvedDomains()).containsExactly("EXAMPLE");
            assertThat(map.fromUid(11103)).isEmpty();
            assertThat(map.fromUid(5000)).isEmpty();
            assertThat(map.fromUid(2000)).contains(Sid.unixUser(2000));
        }
    }

    @Test
    void autoridHashAndAdAsConfigured() throws Exception {
        try (var store = EmbeddedStateStore.open(tmp)) {
            IdMapConfig config = IdMapConfig.of(List.of(
                    new IdMapConfig.Settings("*", null, "autorid", "2100000000-2100999999", Map.of()),
                    new IdMapConfig.Settings("EXAMPLE", EXAMPLE.toString(), "hash", null, Map.of()),
                    new IdMapConfig.Settings("TRUSTED", TRUSTED.toString(), "ad", "10000-99999", Map.of())));
            assertThatThrownBy(() -> IdMapRouter.create(config, store, Map.of(), name -> Optional.empty()))
                    .isInstanceOf(IdMapConfigException.class)
                    .hasMessageContaining("bossa.idmap.domains.TRUSTED.backend");
            PosixAttributes directory = new PosixAttributes() {
                @Override
                public java.util.OptionalLong uidNumber(Sid sid) {
                    return sid.equals(TRUSTED.withRid(1103)) ? java.util.OptionalLong.of(20001)
                            : java.util.OptionalLong.empty();
                }

                @Override
                public java.util.OptionalLong gidNumber(Sid sid) {
                    return java.util.OptionalLong.empty();
                }

                @Override
                public Optional<Sid> sidByUidNumber(long uid) {
                    return uid == 20001 ? Optional.of(TRUSTED.withRid(1103)) : Optional.empty();
                }

                @Override
                public Optional<Sid> sidByGidNumber(long gid) {
                    return Optional.empty();
                }
            };
            IdMapper map = IdMapRouter.create(config, store, Map.of(),
                    name -> name.equals("TRUSTED") ? Optional.of(directory) : Optional.empty());
            assertThat(map.toUid(EXAMPLE.withRid(1103))).hasValue(1_841_001_103L);
            assertThat(map.toUid(TRUSTED.withRid(1103))).hasValue(20001);
            assertThat(map.fromUid(20001)).contains(TRUSTED.withRid(1103));
            assertThat(map.toGid(Sid.BUILTIN_USERS)).hasValue(2_100_000_545L);
            assertThat(map.fromGid(2_100_000_545L)).contains(Sid.BUILTIN_USERS);
            assertThat(map.fromUid(1_841_001_103L)).contains(EXAMPLE.withRid(1103));
        }
    }

    @Test
    void refusesOverlappingBackends() {
        var a = new RidIdMap(EXAMPLE, 10000, 20000, 0);
        var b = new RidIdMap(TRUSTED, 20000, 30000, 0);
        assertThatThrownBy(() -> new IdMapRouter(Map.of(EXAMPLE, a, TRUSTED, b), null, List.of()))
                .hasMessageContaining("overlap");
    }
}
