package org.bossa.kerberos.kpasswd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KpasswdMessageTest {
    @Test
    void framesAsRfc3244Says() throws Exception {
        byte[] m = new KpasswdMessage(0xFF80, new byte[] {1, 2, 3}, new byte[] {9}).encode();
        assertThat(HexFormat.of().formatHex(m)).isEqualTo("000a" + "ff80" + "0003" + "010203" + "09");
        KpasswdMessage back = KpasswdMessage.decode(m);
        assertThat(back.version()).isEqualTo(0xFF80);
        assertThat(back.apMessage()).containsExactly(1, 2, 3);
        assertThat(back.privOrError()).containsExactly(9);
    }

    @Test
    void refusesInconsistentLengths() {
        assertThatThrownBy(() -> KpasswdMessage.decode(new byte[5])).hasMessageContaining("shorter than its header");
        assertThatThrownBy(() -> KpasswdMessage.decode(HexFormat.of().parseHex("000bff80000301020309")))
                .hasMessageContaining("says 11 bytes but has 10");
        assertThatThrownBy(() -> KpasswdMessage.decode(HexFormat.of().parseHex("000aff80000501020309")))
                .hasMessageContaining("AP message of 5 bytes");
    }

    @Test
    void resultCarriesCodeAndText() throws Exception {
        KpasswdResult r = KpasswdResult.decode(HexFormat.of().parseHex("0005" + "4e6f74207065726d6974746564"));
        assertThat(r.code()).isEqualTo(KpasswdResultCode.ACCESS_DENIED);
        assertThat(r.text()).isEqualTo("Not permitted");
        assertThat(KpasswdResult.decode(HexFormat.of().parseHex("0063")).code()).isEqualTo(KpasswdResultCode.UNKNOWN);
        assertThatThrownBy(() -> KpasswdResult.decode(new byte[1])).isInstanceOf(KpasswdFormatException.class);
    }

    /** AD's binary policy string (MS-KILE 3.1.5.12): min length 7, history 24, complex, max age 42 days, min age 1 day. */
    @Test
    void adPolicyStringIsRenderedInWords() throws Exception {
        long day = 864_000_000_000L;
        byte[] policy = ByteBuffer.allocate(32).putShort((short) 4).putShort((short) 0).putInt(7).putInt(24).putInt(1)
                .putLong(42 * day).putLong(day).array();
        KpasswdResult r = KpasswdResult.decode(policy);
        assertThat(r.code()).isEqualTo(KpasswdResultCode.SOFT_ERROR);
        assertThat(r.text()).contains("at least 7 characters", "last 24 passwords", "mix upper case",
                "at least 1 day(s) old", "expire after 42 days");
        assertThat(new KpasswdException(r, "password change for x").getMessage())
                .startsWith("password change for x refused: password rejected by policy (result code 4, \"the password must");
    }
}
