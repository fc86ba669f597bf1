package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachinePasswordsTest {
    @Test
    void passwordsAre120PrintableCharactersAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            char[] p = MachinePasswords.generate();
            assertThat(p).hasSize(120);
            for (char c : p) {
                assertThat(c).isBetween('!', '~');
            }
            String s = new String(p);
            assertThat(s).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
            seen.add(s);
        }
        assertThat(seen).hasSize(50);
    }
}
