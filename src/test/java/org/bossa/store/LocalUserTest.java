package org.bossa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalUserTest {
    private static final byte[] HASH = new byte[16];
    private static final Instant WHEN = Instant.parse("2025-01-02T03:04:05.123456789Z");

    private static LocalUser user(String name) {
        return new LocalUser(name, HASH, 1000, 70000, 70000, true, WHEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob Smith", "j.doe", "x", "Ünïcødé", "a-b_c$", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsValidNames(String name) {
        assertThat(user(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\\b", "a/b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a@b", "a[b", "a]b",
        "a;b", "a=b", "a+b", "a,b", "a\tb", "a\nb", "a\u0000b", "a\u007fb", "...", " . ", " alice", "alice ",
        "01234567890123456789012345678901234567890123456789012345678901234"})
    void refusesInvalidNames(String name) {
        assertThatThrownBy(() -> user(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullName() {
        assertThatThrownBy(() -> user(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksHashLengthAndIds() {
        assertThatThrownBy(() -> new LocalUser("a", new byte[15], 1000, 1, 1, true, WHEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUser("a", new byte[17], 1000, 1, 1, true, WHEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUser("a", HASH, 0, 1, 1, true, WHEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUser("a", HASH, 1000, -1, 1, true, WHEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUser("a", HASH, 1000, 1, 0xFFFF_FFFFL, true, WHEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUser("a", HASH, 1000, 1, 1, true, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void hashIsCopiedAndNotPrinted() {
        byte[] hash = new byte[16];
        hash[0] = 0x5a;
        LocalUser u = new LocalUser("alice", hash, 1000, 1, 1, true, WHEN);
        hash[0] = 0;
        assertThat(u.ntHash()[0]).isEqualTo((byte) 0x5a);
        u.ntHash()[0] = 1;
        assertThat(u.ntHash()[0]).isEqualTo((byte) 0x5a);
        assertThat(u.toString()).contains("alice").doesNotContain("5a").doesNotContainIgnoringCase("hash");
        assertThat(u).isEqualTo(new LocalUser("alice", u.ntHash(), 1000, 1, 1, true, WHEN));
        assertThat(u.hashCode()).isEqualTo(new LocalUser("alice", u.ntHash(), 1000, 1, 1, true, WHEN).hashCode());
    }

    @Test
    void nameKeyIgnoresCase() {
        assertThat(LocalUser.nameKey("Alice")).isEqualTo(LocalUser.nameKey("aLICE"));
        assertThat(LocalUser.nameKey("ÄRGER")).isEqualTo(LocalUser.nameKey("ärger"));
        assertThat(LocalUser.nameKey("straße")).hasSize(6);
    }

    @Test
    void machineSidsHaveTheRightForm() {
        var random = new java.util.Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(MachineSids.isValid(MachineSids.generate(random))).isTrue();
        }
        assertThat(MachineSids.isValid("S-1-5-21-1-2-3")).isTrue();
        assertThat(MachineSids.isValid("S-1-5-21-1-2-4294967296")).isFalse();
        assertThat(MachineSids.isValid("S-1-5-21-1-2")).isFalse();
        assertThat(MachineSids.isValid("S-1-5-32-1-2-3")).isFalse();
    }
}
