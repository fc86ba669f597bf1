package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SaltsTest {
    /** MS-KILE 3.1.1.2: upper-case realm, "host", lower-case name without '$', ".", lower-case domain. */
    @Test
    void computerSalt() {
        assertThat(Salts.computer("example.test", "KRBTEST1$")).isEqualTo("EXAMPLE.TESThostkrbtest1.example.test");
        assertThat(Salts.computer("EXAMPLE.TEST", "Member1", "Corp.Example.Test"))
                .isEqualTo("EXAMPLE.TESThostmember1.corp.example.test");
    }

    @Test
    void userSaltKeepsTheAccountNameCase() {
        assertThat(Salts.user("example.test", "Administrator")).isEqualTo("EXAMPLE.TESTAdministrator");
    }

    @Test
    void standardSaltConcatenatesRealmAndComponents() {
        assertThat(Salts.standard(KerberosName.parse("HTTP/web.example.test@EXAMPLE.TEST", null)))
                .isEqualTo("EXAMPLE.TESTHTTPweb.example.test");
    }
}
