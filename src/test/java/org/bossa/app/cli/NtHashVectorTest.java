package org.bossa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bossa.auth.ntlm.NtHash;
import org.junit.jupiter.api.Test;

/** The hash the user command stores: MS-NLMP 4.2.1 (password "Password"). */
class NtHashVectorTest {
    @Test
    void msNlmpVector() {
        assertThat(HexFormat.of().formatHex(NtHash.of("Password"))).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
    }
}
