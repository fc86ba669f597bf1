package org.bossa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bossa.app.BossaProperties;
import org.bossa.domain.DomainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
    @TempDir
    Path dir;

    @Test
    void domainSettingsComeFromTheFilesServeReadsAndTheEnvironmentWins() throws IOException {
        Files.writeString(dir.resolve("application.yml"), """
                bossa:
                  state-dir: /srv/state
                  domain:
                    realm: EXAMPLE.TEST
                    netbios-name: FILES
                    controllers: [dc1.example.test, dc2.example.test]
                    ldap: ldaps
                    ldap-ca-file: /etc/ca.pem
                """);
        Path extra = dir.resolve("extra.yml");
        Files.writeString(extra, "bossa:\n  domain:\n    netbios-name: OTHER\n");
        BossaProperties p = CliConfig.load(Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION", extra.toString(),
                "BOSSA_DOMAIN_DNS_SERVERS", "192.0.2.53"), dir);
        assertThat(p.getStateDir()).isEqualTo(Path.of("/srv/state"));
        assertThat(p.getDomain().getRealm()).isEqualTo("EXAMPLE.TEST");
        assertThat(p.getDomain().getNetbiosName()).as("the additional file overrides").isEqualTo("OTHER");
        assertThat(p.getDomain().getControllers()).containsExactly("dc1.example.test", "dc2.example.test");
        assertThat(p.getDomain().getDnsServers()).containsExactly("192.0.2.53");
        assertThat(p.getDomain().getLdap()).isEqualTo(DomainSettings.LdapProtection.LDAPS);
        assertThat(p.getDomain().getLdapCaFile()).isEqualTo(Path.of("/etc/ca.pem"));
    }

    @Test
    void withNoFilesTheDefaultsHold() {
        BossaProperties p = CliConfig.load(Map.of(), dir);
        assertThat(p.getDomain().getRealm()).isEmpty();
        assertThat(p.getDomain().getLdap()).isEqualTo(DomainSettings.LdapProtection.SASL);
        assertThat(p.getDomain().isAllowRc4()).isFalse();
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "bossa: [unclosed\n");
        assertThatThrownBy(() -> CliConfig.load(Map.of(), dir)).isInstanceOf(CliException.class)
                .hasMessageContaining("application.yml");
    }
}
