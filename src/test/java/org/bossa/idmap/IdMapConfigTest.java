package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class IdMapConfigTest {

    private static IdMapConfig.Settings s(String name, String backend, String range) {
        return new IdMapConfig.Settings(name, null, backend, range, Map.of());
    }

    private static IdMapConfigException refused(IdMapConfig.Settings... settings) {
        try {
            IdMapConfig.of(List.of(settings));
        } catch (IdMapConfigException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void acceptsSambasReferenceSetup() throws Exception {
        IdMapConfig config = IdMapConfig.of(List.of(
                new IdMapConfig.Settings("EXAMPLE", "S-1-5-21-1-2-3", "rid", "10000-999999", Map.of("base-rid", "0")),
                s("*", "tdb", "3000-7999")));
        assertThat(config.domains()).hasSize(2);
        assertThat(config.defaultDomain().orElseThrow().backend()).isEqualTo(IdMapConfig.Backend.TDB);
        IdMapConfig.Domain example = config.domain("example").orElseThrow();
        assertThat(example.backend()).isEqualTo(IdMapConfig.Backend.RID);
        assertThat(example.range()).isEqualTo(new IdRange(10000, 999999));
        assertThat(example.sid()).contains(Sid.parse("S-1-5-21-1-2-3"));
    }

    @Test
    void defaultsAndAliases() throws Exception {
        IdMapConfig config = IdMapConfig.of(List.of(s("*", null, "3000-7999"), s("EXAMPLE", "hash", null),
                s("OTHER", "alloc", "8000-8999")));
        assertThat(config.defaultDomain().orElseThrow().backend()).isEqualTo(IdMapConfig.Backend.TDB);
        assertThat(config.domain("EXAMPLE").orElseThrow().range()).isEqualTo(HashIdMap.DEFAULT_RANGE);
        assertThat(config.domain("EXAMPLE").orElseThrow().rangeSize()).isEqualTo(200_000);
        assertThat(config.domain("OTHER").orElseThrow().backend()).isEqualTo(IdMapConfig.Backend.TDB);
        assertThat(IdMapConfig.of(List.of(s("*", "autorid", "100000-999999"))).defaultDomain().orElseThrow()
                .rangeSize()).isEqualTo(100_000);
        // no default range at all is allowed
        assertThat(IdMapConfig.of(List.of(s("EXAMPLE", "rid", "10000-999999"))).defaultDomain()).isEmpty();
    }

    @Test
    void overlappingRangesAreRefusedNamingBothKeys() {
        IdMapConfigException e = refused(s("EXAMPLE", "rid", "10000-999999"), s("*", "tdb", "3000-10000"));
        assertThat(e.problems()).containsExactly("bossa.idmap.domains.EXAMPLE.range (10000-999999) overlaps "
                + "bossa.idmap.default-range (3000-10000)");
        assertThat(e).hasMessageContaining("bossa.idmap.domains.EXAMPLE.range");
        IdMapConfigException two = refused(s("A", "rid", "10000-19999"), s("B", "rid", "15000-25000"));
        assertThat(two.problems()).containsExactly(
                "bossa.idmap.domains.A.range (10000-19999) overlaps bossa.idmap.domains.B.range (15000-25000)");
    }

    @Test
    void invalidRangesNameTheirKey() {
        assertThat(refused(s("*", "tdb", "0-7999")).problems()).singleElement().asString()
                .startsWith("bossa.idmap.default-range: ");
        assertThat(refused(s("EXAMPLE", "rid", "9-1")).problems()).singleElement().asString()
                .startsWith("bossa.idmap.domains.EXAMPLE.range: ");
        assertThat(refused(s("EXAMPLE", "rid", "1-4294967295")).problems()).singleElement().asString()
                .startsWith("bossa.idmap.domains.EXAMPLE.range: ");
        assertThat(refused(s("EXAMPLE", "rid", "lots")).problems()).singleElement().asString()
                .startsWith("bossa.idmap.domains.EXAMPLE.range: ");
        assertThat(refused(s("EXAMPLE", "rid", null)).problems())
                .containsExactly("bossa.idmap.domains.EXAMPLE.range is missing");
    }

    @Test
    void backendsSidsAndOptionsAreChecked() {
        assertThat(refused(s("EXAMPLE", null, "1-10")).problems().getFirst())
                .startsWith("bossa.idmap.domains.EXAMPLE.backend is missing");
        assertThat(refused(s("EXAMPLE", "nss", "1-10")).problems().getFirst())
                .startsWith("bossa.idmap.domains.EXAMPLE.backend: unknown backend");
        assertThat(refused(s("EXAMPLE", "autorid", "1-100000")).problems().getFirst())
                .startsWith("bossa.idmap.domains.EXAMPLE.backend: autorid can only be bossa.idmap.default-backend");
        assertThat(refused(s("*", "rid", "1-10")).problems().getFirst()).startsWith("bossa.idmap.default-backend: ");
        assertThat(refused(new IdMapConfig.Settings("EXAMPLE", "S-1-x", "rid", "1-10", Map.of())).problems())
                .containsExactly("bossa.idmap.domains.EXAMPLE.sid: 'S-1-x' is not a SID");
        assertThat(refused(new IdMapConfig.Settings("EXAMPLE", null, "rid", "1-10", Map.of("base-rid", "-1")))
                .problems().getFirst()).startsWith("bossa.idmap.domains.EXAMPLE.base-rid: ");
        assertThat(refused(new IdMapConfig.Settings("EXAMPLE", null, "rid", "1-10", Map.of("rangesize", "5")))
                .problems()).containsExactly("bossa.idmap.domains.EXAMPLE.rangesize: not a setting of the rid backend");
        assertThat(refused(new IdMapConfig.Settings("*", null, "autorid", "1-100000", Map.of("rangesize", "1000")))
                .problems().getFirst()).startsWith("bossa.idmap.default-rangesize: ");
        assertThat(refused(new IdMapConfig.Settings("*", null, "autorid", "1-5000", Map.of()))
                .problems()).containsExactly(
                        "bossa.idmap.default-rangesize: 100000 is larger than bossa.idmap.default-range (1-5000)");
    }

    @Test
    void duplicatesAreRefused() {
        assertThat(refused(s("EXAMPLE", "rid", "1-10"), s("example", "rid", "20-30")).problems())
                .containsExactly("bossa.idmap.domains.example.backend: domain example is configured twice");
        assertThat(refused(new IdMapConfig.Settings("A", "S-1-5-21-1-2-3", "rid", "1-10", Map.of()),
                new IdMapConfig.Settings("B", "S-1-5-21-1-2-3", "rid", "20-30", Map.of())).problems())
                .containsExactly("bossa.idmap.domains.B.sid: S-1-5-21-1-2-3 is already the SID of "
                        + "bossa.idmap.domains.A.sid");
    }
}
