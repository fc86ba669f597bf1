package org.bossa.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SidTest {
    @Test
    void binaryLayoutOfAdministrators() {
        // [MS-DTYP] 2.4.2.2: Revision 1, SubAuthorityCount 2, authority 5 big-endian, 32 and 544 little-endian
        byte[] expected = HexFormat.of().parseHex("010200000000000520000000" + "20020000");
        assertThat(Sid.BUILTIN_ADMINISTRATORS.encode()).isEqualTo(expected);
        assertThat(Sid.decode(expected)).isEqualTo(Sid.BUILTIN_ADMINISTRATORS);
        assertThat(Sid.BUILTIN_ADMINISTRATORS.toString()).isEqualTo("S-1-5-32-544");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S-1-1-0", "S-1-5-18", "S-1-5-21-1004336348-1177238915-682003330-512",
            "S-1-22-1-4294967295", "S-1-5", "S-1-0x123456789ABC-1", "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15"})
    void stringAndBinaryRoundTrip(String s) {
        Sid sid = Sid.parse(s);
        assertThat(sid.toString()).isEqualTo(s);
        assertThat(Sid.decode(sid.encode())).isEqualTo(sid);
        assertThat(Sid.decode(sid.encode()).hashCode()).isEqualTo(sid.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "S-1", "S-1-", "S-2-5-32", "X-1-5", "S-1-5-", "S-1--5", "S-1-5-4294967296",
            "S-1-4294967296-1", "S-1-0x1000000000000", "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-1-5-a",
            "S-1-5- 1", "S-1-5-+1"})
    void malformedStrings(String s) {
        assertThatThrownBy(() -> Sid.parse(s)).isInstanceOf(DtypFormatException.class);
    }

    @Test
    void malformedBinary() {
        byte[] ok = Sid.parse("S-1-5-21-1-2-3").encode();
        for (int cut = 0; cut < ok.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(ok, cut);
            assertThatThrownBy(() -> Sid.decode(shorter)).isInstanceOf(DtypFormatException.class);
        }
        byte[] tooMany = ok.clone();
        tooMany[1] = 16;
        assertThatThrownBy(() -> Sid.decode(tooMany, 0, tooMany.length)).isInstanceOf(DtypFormatException.class);
        byte[] lyingCount = ok.clone();
        lyingCount[1] = 5;
        assertThatThrownBy(() -> Sid.decode(lyingCount, 0, lyingCount.length))
                .isInstanceOf(DtypFormatException.class);
        byte[] rev = ok.clone();
        rev[0] = 2;
        assertThatThrownBy(() -> Sid.decode(rev)).isInstanceOf(DtypFormatException.class);
        assertThatThrownBy(() -> Sid.decode(java.util.Arrays.copyOf(ok, ok.length + 1)))
                .isInstanceOf(DtypFormatException.class);
    }

    @Test
    void ridsAndDomains() {
        Sid domain = Sid.parse("S-1-5-21-1-2-3");
        Sid user = domain.withRid(1104);
        assertThat(user).isEqualTo(Sid.parse("S-1-5-21-1-2-3-1104"));
        assertThat(user.rid()).isEqualTo(1104);
        assertThat(user.domain()).isEqualTo(domain);
        assertThat(user.isInDomain(domain)).isTrue();
        assertThat(domain.isInDomain(domain)).isFalse();
        assertThat(Sid.unixUser(1000)).hasToString("S-1-22-1-1000");
        assertThat(Sid.unixGroup(100)).hasToString("S-1-22-2-100");
        assertThat(Sid.parse("s-1-5-11")).isEqualTo(Sid.AUTHENTICATED_USERS);
        assertThatThrownBy(() -> Sid.parse("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15").withRid(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
