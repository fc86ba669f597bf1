package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainJoinOuTest {
    private static final String DOMAIN = "DC=example,DC=test";

    @Test
    void relativeOuGetsTheDomainAppended() {
        assertThat(DomainJoin.inDomain(DomainJoin.parseOu(" OU=Servers "), DOMAIN))
                .isEqualTo("OU=Servers,DC=example,DC=test");
    }

    @Test
    void absoluteOuIsKeptHoweverItIsSpelled() {
        assertThat(DomainJoin.inDomain(DomainJoin.parseOu("OU=Servers,dc=Example, dc=Test"), DOMAIN))
                .isEqualTo("OU=Servers,dc=Example, dc=Test");
        assertThat(DomainJoin.inDomain(DomainJoin.parseOu(DOMAIN), DOMAIN)).isEqualTo(DOMAIN);
    }

    @Test
    void emptyOrMalformedOuIsAConfigurationError() {
        assertThatThrownBy(() -> DomainJoin.parseOu("  ")).isInstanceOf(DomainException.class)
                .hasMessageContaining("--ou is empty");
        assertThatThrownBy(() -> DomainJoin.parseOu("Servers")).isInstanceOf(DomainException.class)
                .hasMessageContaining("not a distinguished name")
                .satisfies(e -> assertThat(((DomainException) e).failure()).isEqualTo(DomainException.Cause.CONFIGURATION));
    }
}
