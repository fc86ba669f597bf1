package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.api.Test;

class KrbErrorMessageTest {
    /** KDC_ERR_CLIENT_REVOKED from the Samba 4.17 DC for a disabled user, e-data with ETYPE-INFO2 and KERB-EXT-ERROR. */
    static final byte[] REVOKED = HexFormat.of().parseHex(
            "7e81dd3081daa003020105a10302011ea411180f32303236313132333232343334345aa505020304cb9aa603020112a70e1b"
            + "0c4558414d504c452e54455354a8183016a003020101a10f300d1b0b6b7262746573742d646973a90e1b0c4558414d504c45"
            + "2e54455354aa21301fa003020102a11830161b066b72627467741b0c4558414d504c452e54455354ac520450304e3035a103"
            + "020113a22e042c302a3028a003020112a1191b174558414d504c452e544553546b7262746573742d646973a2060404000010"
            + "003015a103020103a20e040c720000c00000000001000000");
    /** KDC_ERR_C_PRINCIPAL_UNKNOWN from the same DC, without e-data. */
    static final byte[] UNKNOWN = HexFormat.of().parseHex(
            "7e8184308181a003020105a10302011ea411180f32303236313132333232343334345aa50502030bc485a603020106a70e1b"
            + "0c4558414d504c452e54455354a8133011a003020101a10a30081b066e6f73756368a90e1b0c4558414d504c452e54455354"
            + "aa21301fa003020102a11830161b066b72627467741b0c4558414d504c452e54455354");

    @Test
    void decodesTheDcsErrors() throws Exception {
        KrbErrorMessage revoked = KrbErrorMessage.decode(REVOKED);
        assertThat(revoked.errorCode()).isEqualTo(18);
        assertThat(revoked.serverTime()).isEqualTo(Instant.parse("2026-11-23T22:43:44.314266Z"));
        assertThat(revoked.eText()).isNull();
        assertThat(revoked.eData()).hasSize(80);

        KrbErrorMessage unknown = KrbErrorMessage.decode(UNKNOWN);
        assertThat(unknown.errorCode()).isEqualTo(6);
        assertThat(unknown.eData()).isNull();
    }

    @Test
    void methodDataCarriesTheSaltAndTheNtStatus() throws Exception {
        KrbErrorMessage revoked = KrbErrorMessage.decode(REVOKED);
        var info = KdcMessages.etypeInfo2(KdcMessages.methodData(revoked.eData()));
        assertThat(info).hasSize(1);
        assertThat(info.getFirst().getEtype()).isEqualTo(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        assertThat(info.getFirst().getSalt()).isEqualTo("EXAMPLE.TESTkrbtest-dis");
        assertThat(KerberosKeys.iterations(info.getFirst().getS2kParams())).isEqualTo(4096);
        assertThat(KdcErrors.revokedReason(revoked)).contains("STATUS_ACCOUNT_DISABLED");
    }

    @Test
    void keepsErrorCodesKerbyDoesNotKnow() throws Exception {
        byte[] copy = UNKNOWN.clone();
        int at = indexOf(copy, HexFormat.of().parseHex("a603020106"));
        copy[at + 4] = 99;
        assertThat(KrbErrorMessage.decode(copy).errorCode()).isEqualTo(99);
        assertThat(KdcErrors.codeName(99)).isEqualTo("error code 99");
    }

    @Test
    void everyTruncationIsADerError() {
        for (int n = 0; n < UNKNOWN.length; n++) {
            byte[] cut = Arrays.copyOf(UNKNOWN, n);
            assertThatThrownBy(() -> KrbErrorMessage.decode(cut)).isInstanceOf(Der.DerException.class);
        }
    }

    @Test
    void skewIsKdcMinusLocal() throws Exception {
        KrbErrorMessage e = KrbErrorMessage.decode(UNKNOWN);
        assertThat(e.skewFrom(e.serverTime().minus(Duration.ofMinutes(7)))).isEqualTo(Duration.ofMinutes(7));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
