package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComputerNameTest {
    @Test
    void namesAndSpnsFollowWhatWindowsRegisters() {
        ComputerName n = new ComputerName("bossa1", "Example.TEST");
        assertThat(n.netbiosName()).isEqualTo("BOSSA1");
        assertThat(n.samAccountName()).isEqualTo("BOSSA1$");
        assertThat(n.dnsHostName()).isEqualTo("bossa1.example.test");
        assertThat(n.servicePrincipalNames()).containsExactly("HOST/BOSSA1", "HOST/bossa1.example.test",
                "RestrictedKrbHost/BOSSA1", "RestrictedKrbHost/bossa1.example.test", "cifs/BOSSA1",
                "cifs/bossa1.example.test");
    }

    @Test
    void refusesNamesWindowsRefuses() {
        assertThatThrownBy(() -> new ComputerName("SIXTEEN-CHARS-XX", "example.test"))
                .hasMessageContaining("1-15");
        assertThatThrownBy(() -> new ComputerName("-LEADING", "example.test")).hasMessageContaining("1-15");
        assertThatThrownBy(() -> new ComputerName("BAD$", "example.test")).hasMessageContaining("1-15");
        assertThatThrownBy(() -> new ComputerName("", "example.test")).hasMessageContaining("1-15");
        assertThatThrownBy(() -> new ComputerName("OK", "bad..domain")).hasMessageContaining("DNS");
        assertThatThrownBy(() -> new ComputerName("OK", "")).hasMessageContaining("DNS");
    }
}
