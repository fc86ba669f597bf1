package org.bossa.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.bossa.domain.ComputerName;
import org.bossa.domain.DomainMembership;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapRouter;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bossa.idmap.* as a Samba member's administrator writes it, and the mistakes start-up must refuse. */
class IdmapWiringTest {
    private static final DomainMembership JOINED = new DomainMembership("EXAMPLE.TEST", "example.test", "EXAMPLE",
            "S-1-5-21-1-2-3", new ComputerName("BOSSA", "example.test"), "CN=BOSSA,CN=Computers,DC=example,DC=test", 2,
            0x18, "Machine!Passw0rd-1", Optional.empty(), Path.of("/nonexistent/krb5.keytab"), "127.0.0.2", "",
            Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreSambasReferenceMember() {
        try (EmbeddedStateStore store = EmbeddedStateStore.open(dir)) {
            IdMapRouter idmap = IdmapWiring.router(new BossaProperties(), store, JOINED, n -> Optional.empty());
            assertThat(idmap.toUid(Sid.parse("S-1-5-21-1-2-3-1103"))).hasValue(11103);
            assertThat(idmap.toGid(Sid.parse("S-1-5-21-1-2-3-513"))).hasValue(10513);
            long builtinUsers = idmap.toGid(Sid.BUILTIN_USERS).orElseThrow();
            assertThat(builtinUsers).isBetween(3000L, 7999L);
            assertThat(idmap.fromGid(builtinUsers)).contains(Sid.BUILTIN_USERS);
        }
    }

    @Test
    void aConfiguredDomainBackendReplacesTheOldRange() {
        BossaProperties props = new BossaProperties();
        IdmapProperties.Domain example = new IdmapProperties.Domain();
        example.setBackend("rid");
        example.setRange("100000-199999");
        props.getIdmap().getDomains().put("EXAMPLE", example);
        try (EmbeddedStateStore store = EmbeddedStateStore.open(dir)) {
            IdMapRouter idmap = IdmapWiring.router(props, store, JOINED, n -> Optional.empty());
            assertThat(idmap.toUid(Sid.parse("S-1-5-21-1-2-3-1103"))).hasValue(101103);
        }
    }

    @Test
    void overlappingRangesStopStartUpNamingTheKeys() {
        BossaProperties props = new BossaProperties();
        props.getIdmap().setDefaultRange("3000-20000");
        try (EmbeddedStateStore store = EmbeddedStateStore.open(dir)) {
            assertThatThrownBy(() -> IdmapWiring.router(props, store, JOINED, n -> Optional.empty()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bossa.idmap.domains.EXAMPLE.range")
                    .hasMessageContaining("bossa.idmap.default-range");
        }
    }
}
