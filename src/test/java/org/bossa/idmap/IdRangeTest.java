package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdRangeTest {

    @Test
    void parsesSambaStyleRanges() {
        assertThat(IdRange.parse("10000-999999")).isEqualTo(new IdRange(10000, 999999));
        assertThat(IdRange.parse(" 3000 - 7999 ")).isEqualTo(new IdRange(3000, 7999));
        assertThat(IdRange.parse("1-4294967294")).isEqualTo(new IdRange(1, IdRange.MAX_ID));
        assertThat(new IdRange(3000, 7999).size()).isEqualTo(5000);
        assertThat(new IdRange(3000, 7999).toString()).isEqualTo("3000-7999");
    }

    @Test
    void refusesInvalidRanges() {
        assertThatThrownBy(() -> new IdRange(0, 10)).hasMessageContaining("below 1");
        assertThatThrownBy(() -> new IdRange(10, 9)).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new IdRange(1, 4294967295L)).hasMessageContaining("above the highest id");
        for (String bad : new String[] {"", "10000", "a-b", "-5-10", "10000-", "1-99999999999", "1-2-3"}) {
            assertThatThrownBy(() -> IdRange.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void containsOverlapsAndSignedLimit() {
        IdRange r = new IdRange(3000, 7999);
        assertThat(r.contains(2999)).isFalse();
        assertThat(r.contains(3000)).isTrue();
        assertThat(r.contains(7999)).isTrue();
        assertThat(r.contains(8000)).isFalse();
        assertThat(r.overlaps(new IdRange(7999, 9000))).isTrue();
        assertThat(r.overlaps(new IdRange(8000, 9000))).isFalse();
        assertThat(r.overlaps(new IdRange(1, 3000))).isTrue();
        assertThat(r.overlaps(new IdRange(4000, 5000))).isTrue();
        assertThat(r.exceedsSigned32()).isFalse();
        assertThat(new IdRange(1, 0x8000_0000L).exceedsSigned32()).isTrue();
    }
}
