package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class AdIdMapTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
    private static final Sid ALICE = DOMAIN.withRid(1103);
    private static final Sid BOB = DOMAIN.withRid(1104);
    private static final Sid STAFF = DOMAIN.withRid(2000);
    private static final Sid FOREIGN = Sid.parse("S-1-5-21-7-8-9-1103");

    /** A directory with alice (uidNumber 20001), bob (uidNumber 500, outside the range) and staff (gidNumber 20100). */
    private static final PosixAttributes DIRECTORY = new PosixAttributes() {
        private final Map<Sid, Long> uids = Map.of(ALICE, 20001L, BOB, 500L, FOREIGN, 20002L);
        private final Map<Sid, Long> gids = Map.of(STAFF, 20100L);

        @Override
        public OptionalLong uidNumber(Sid sid) {
            return uids.containsKey(sid) ? OptionalLong.of(uids.get(sid)) : OptionalLong.empty();
        }

        @Override
        public OptionalLong gidNumber(Sid sid) {
            return gids.containsKey(sid) ? OptionalLong.of(gids.get(sid)) : OptionalLong.empty();
        }

        @Override
        public Optional<Sid> sidByUidNumber(long uid) {
            return uids.entrySet().stream().filter(e -> e.getValue() == uid).map(Map.Entry::getKey).findFirst();
        }

        @Override
        public Optional<Sid> sidByGidNumber(long gid) {
            return gids.entrySet().stream().filter(e -> e.getValue() == gid).map(Map.Entry::getKey).findFirst();
        }
    };

    private final AdIdMap map = new AdIdMap(DOMAIN, new IdRange(10000, 999999), DIRECTORY);

    @Test
    void usesTheDirectorysNumbers() {
        assertThat(map.toId(ALICE, IdType.UID)).hasValue(20001);
        assertThat(map.toId(STAFF, IdType.GID)).hasValue(20100);
        assertThat(map.toId(ALICE, IdType.GID)).isEmpty(); // no gidNumber
        assertThat(map.toSid(20001, IdType.UID)).contains(ALICE);
        assertThat(map.toSid(20100, IdType.GID)).contains(STAFF);
        assertThat(map.toSid(20100, IdType.UID)).isEmpty();
    }

    @Test
    void numbersOutsideTheRangeAndOtherDomainsAreIgnored() {
        assertThat(map.toId(BOB, IdType.UID)).isEmpty();
        assertThat(map.toSid(500, IdType.UID)).isEmpty();
        assertThat(map.toId(FOREIGN, IdType.UID)).isEmpty();
        assertThat(map.toSid(20002, IdType.UID)).isEmpty();
    }
}
