package org.bossa.kerberos.kpasswd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bossa.kerberos.KerberosName;
import org.junit.jupiter.api.Test;

class ChangePasswdDataTest {
    private static final HexFormat HEX = HexFormat.of();
    /** SEQUENCE { [0] OCTET STRING "pw", [1] PrincipalName {1, "KRBTEST1$"}, [2] "EXAMPLE.TEST" }, by hand from RFC 3244 2. */
    private static final String SET = "302e" + "a00404027077"
            + "a1163014a003020101a10d300b1b094b5242544553543124" + "a20e1b0c4558414d504c452e54455354";

    @Test
    void encodesSetPassword() {
        ChangePasswdData d = new ChangePasswdData("pw".getBytes(StandardCharsets.UTF_8),
                KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null));
        assertThat(HEX.formatHex(d.encode())).isEqualTo(SET);
    }

    @Test
    void encodesChangePasswordWithoutTarget() {
        assertThat(HEX.formatHex(new ChangePasswdData("pw".getBytes(StandardCharsets.UTF_8), null).encode()))
                .isEqualTo("3006a00404027077");
    }

    @Test
    void decodesBoth() throws Exception {
        ChangePasswdData d = ChangePasswdData.decode(HEX.parseHex(SET));
        assertThat(d.newPassword()).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(d.target()).isEqualTo(KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null));
        assertThat(ChangePasswdData.decode(HEX.parseHex("3006a00404027077")).target()).isNull();
    }

    @Test
    void refusesTruncationsAndHalfTargets() {
        byte[] set = HEX.parseHex(SET);
        for (int n = 0; n < set.length; n++) {
            byte[] cut = Arrays.copyOf(set, n);
            assertThatThrownBy(() -> ChangePasswdData.decode(cut)).isInstanceOf(KpasswdFormatException.class);
        }
        byte[] noRealm = HEX.parseHex("301e" + "a00404027077" + "a1163014a003020101a10d300b1b094b5242544553543124");
        assertThatThrownBy(() -> ChangePasswdData.decode(noRealm)).hasMessageContaining("only one of");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(new ChangePasswdData("secret".getBytes(StandardCharsets.UTF_8), null).toString()).doesNotContain("secret");
    }
}
