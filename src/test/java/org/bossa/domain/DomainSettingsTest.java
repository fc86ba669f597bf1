package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainSettingsTest {
    private static DomainSettings settings(List<String> controllers, List<String> dnsServers) {
        return new DomainSettings("example.test", Optional.empty(), new ComputerName("BOSSA1", "example.test"),
                controllers, dnsServers, Path.of("/tmp/krb5.keytab"), DomainSettings.LdapProtection.SASL,
                Optional.empty(), false, Optional.empty());
    }

    @Test
    void locatorConfigCarriesTheConfiguredDcsAndDnsServers() {
        DomainSettings s = settings(List.of("dc1.example.test", "192.0.2.1"), List.of("192.0.2.53:5353"));
        assertThat(s.locatorConfig().controllers()).containsExactly("dc1.example.test", "192.0.2.1");
        assertThat(s.locatorConfig().dnsServers()).hasSize(1);
    }

    @Test
    void badControllersOrDnsServersAreRefusedWhenTheSettingsAreMade() {
        assertThatThrownBy(() -> settings(List.of("not a host"), List.of())).isInstanceOf(DomainException.class)
                .hasMessageContaining("bad bossa.domain.controllers");
        assertThatThrownBy(() -> settings(List.of(), List.of("dns.example.test"))).isInstanceOf(DomainException.class)
                .hasMessageContaining("bad bossa.domain.controllers or bossa.domain.dns-servers");
    }
}
