package org.bossa.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {
    @Test
    void theFirstLabelUpperCasedAndCutTo15() {
        assertThat(HostNames.netbiosNameOf("files01.example.test")).isEqualTo("FILES01");
        assertThat(HostNames.netbiosNameOf("a-very-long-host-name-indeed")).isEqualTo("A-VERY-LONG-HOS");
        assertThat(HostNames.netbiosNameOf("we_ird!")).isEqualTo("WEIRD");
        assertThat(HostNames.netbiosNameOf("")).isEqualTo("BOSSA");
        assertThat(HostNames.defaultNetbiosName()).matches("[A-Z0-9-]{1,15}");
    }
}
