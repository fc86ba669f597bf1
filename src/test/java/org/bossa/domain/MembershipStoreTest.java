package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipStoreTest {
    static DomainMembership sample() {
        return new DomainMembership("EXAMPLE.TEST", "example.test", "EXAMPLE", "S-1-5-21-1-2-3",
                new ComputerName("BOSSA1", "example.test"), "CN=BOSSA1,CN=Computers,DC=example,DC=test", 2, 0x18,
                "p=ss\\word\n\"é", Optional.empty(), Path.of("/var/lib/bossa/krb5.keytab"), "dc1.example.test",
                "Default-First-Site-Name", Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void roundTripsEveryFieldIncludingAwkwardPasswords() {
        DomainMembership m = sample();
        assertThat(MembershipStore.decode(MembershipStore.encode(m))).isEqualTo(m);
        DomainMembership changed = m.withNewPassword("new", 3, "dc2.example.test", "", Instant.EPOCH);
        DomainMembership back = MembershipStore.decode(MembershipStore.encode(changed));
        assertThat(back).isEqualTo(changed);
        assertThat(back.previousPassword()).contains(m.machinePassword());
        assertThat(back.kvno()).isEqualTo(3);
    }

    @Test
    void toStringNeverShowsThePasswords() {
        DomainMembership m = sample().withNewPassword("Secret-New", 3, "dc", "", Instant.EPOCH);
        assertThat(m.toString()).doesNotContain("Secret-New").doesNotContain("p=ss").contains("BOSSA1$");
    }

    @Test
    void damagedRecordsAreNamedNotGuessed() {
        assertThatThrownBy(() -> MembershipStore.decode("format=1\nrealm=X\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> MembershipStore.decode("format=9\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown format");
    }
}
