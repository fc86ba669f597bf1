package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class RidIdMapTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-3481000066-1847199495-2699438602");
    private final RidIdMap map = new RidIdMap(DOMAIN, 10000, 999999, 0);

    @Test
    void mapsLikeSambasRidBackend() {
        // as on a Samba member with the rid backend: alice (RID 1104 there) is uid 11104 and Domain Users gid 10513 on a Samba member
        assertThat(map.toId(DOMAIN.withRid(1104))).hasValue(11104);
        assertThat(map.toId(DOMAIN.withRid(513))).hasValue(10513);
        assertThat(map.toSid(11104)).contains(DOMAIN.withRid(1104));
        assertThat(map.toSid(10513)).contains(DOMAIN.withRid(513));
    }

    @Test
    void otherDomainsWellKnownSidsAndOutOfRangeRidsHaveNoId() {
        assertThat(map.toId(Sid.parse("S-1-5-21-1-2-3-1104"))).isEmpty();
        assertThat(map.toId(Sid.BUILTIN_USERS)).isEmpty();
        assertThat(map.toId(DOMAIN)).isEmpty();
        assertThat(map.toId(DOMAIN.withRid(990000))).isEmpty();
        assertThat(map.toId(DOMAIN.withRid(989999))).hasValue(999999);
        assertThat(map.toSid(9999)).isEmpty();
        assertThat(map.toSid(1_000_000)).isEmpty();
        assertThat(new RidIdMap(DOMAIN, 20000, 29999, 1000).toId(DOMAIN.withRid(999))).isEmpty();
        assertThat(new RidIdMap(DOMAIN, 20000, 29999, 1000).toId(DOMAIN.withRid(1000))).hasValue(20000);
    }

    @Test
    void refusesBadRanges() {
        assertThatThrownBy(() -> new RidIdMap(DOMAIN, 0, 10, 0)).hasMessageContaining("not a valid id range");
        assertThatThrownBy(() -> new RidIdMap(DOMAIN, 100, 10, 0)).hasMessageContaining("not a valid id range");
    }
}
