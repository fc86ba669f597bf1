package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KerberosKeysTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 3962 appendix B: iteration count, pass phrase, salt, AES128 key, AES256 key. */
    @ParameterizedTest
    @CsvSource({
        "1, password, ATHENA.MIT.EDUraeburn, 42263c6e89f4fc28b8df68ee09799f15, fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161",
        "2, password, ATHENA.MIT.EDUraeburn, c651bf29e2300ac27fa469d693bdda13, a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff",
        "1200, password, ATHENA.MIT.EDUraeburn, 4c01cd46d632d01e6dbe230a01ed642a, 55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a",
        "1200, XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX, pass phrase equals block size, 59d1bb789a828b1aa54ef9c2883f69ed, 89adee3608db8bc71f1bfbfe459486b05618b70cbae22092534e56c553ba4b34",
        "1200, XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX, pass phrase exceeds block size, cb8005dc5f90179a7f02104c0018751d, d78c5c9cb872a8c9dad4697f0bb5b2d21496c82beb2caeda2112fceea057401b",
        "50, \uD834\uDD1E, EXAMPLE.COMpianist, f149c1f2e154a73452d43e7fe62a56e5, 4b6d9839f84406df1f09cc166db4b83c571848b784a3d6bdc346589a3e393f9e",
    })
    void rfc3962AppendixB(int iterations, String password, String salt, String aes128, String aes256) throws Exception {
        byte[] params = {0, 0, (byte) (iterations >> 8), (byte) iterations};
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);
        assertThat(HEX.formatHex(KerberosKeys.fromPassword(password.toCharArray(), s, params,
                EncryptionType.AES128_CTS_HMAC_SHA1_96).getKeyData())).isEqualTo(aes128);
        assertThat(HEX.formatHex(KerberosKeys.fromPassword(password.toCharArray(), s, params,
                EncryptionType.AES256_CTS_HMAC_SHA1_96).getKeyData())).isEqualTo(aes256);
    }

    @Test
    void rfc3962AppendixBBinarySalt() throws Exception {
        byte[] salt = HEX.parseHex("1234567878563412");
        byte[] params = {0, 0, 0, 5};
        assertThat(HEX.formatHex(KerberosKeys.fromPassword("password".toCharArray(), salt, params,
                EncryptionType.AES128_CTS_HMAC_SHA1_96).getKeyData())).isEqualTo("e9b23d52273747dd5c35cb55be619d8e");
        assertThat(HEX.formatHex(KerberosKeys.fromPassword("password".toCharArray(), salt, params,
                EncryptionType.AES256_CTS_HMAC_SHA1_96).getKeyData()))
                .isEqualTo("97a4e786be20d81a382d5ebc96d5909cabcdadc87ca48f574504159f16c36e31");
    }

    /** Keys MIT ktutil derived (src/test/resources/kerberos/README.md) with the default 4096 iterations. */
    @Test
    void defaultIterationsMatchMitKtutil() throws Exception {
        char[] pw = "keytab-test-password".toCharArray();
        String salt = Salts.standard(KerberosName.parse("alice@EXAMPLE.TEST", null));
        assertThat(HEX.formatHex(KerberosKeys.fromPassword(pw, salt, EncryptionType.AES256_CTS_HMAC_SHA1_96)
                .getKeyData())).isEqualTo("4f0f6fdb96d281ff991bc202ca3cc25bfad5e42ce7d31f1394aeb00c2e36ed1b");
        assertThat(HEX.formatHex(KerberosKeys.fromPassword(pw, salt, EncryptionType.AES128_CTS_HMAC_SHA1_96)
                .getKeyData())).isEqualTo("74a481597f1a1ef17fed659fd8e979ef");
        assertThat(HEX.formatHex(KerberosKeys.fromPassword(pw, salt, EncryptionType.ARCFOUR_HMAC).getKeyData()))
                .isEqualTo("257b14d6e1bfae16ffe929eea1108217");
    }

    /** RC4-HMAC's key is the NT hash (RFC 4757 3): MD4 of UTF-16LE, salt ignored. */
    @Test
    void rc4IsTheNtHash() throws Exception {
        assertThat(HEX.formatHex(KerberosKeys.fromPassword("password".toCharArray(), "ignored",
                EncryptionType.ARCFOUR_HMAC).getKeyData())).isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> KerberosKeys.fromPassword("p".toCharArray(), new byte[1], new byte[3],
                EncryptionType.AES128_CTS_HMAC_SHA1_96)).isInstanceOf(KerberosException.class)
                .hasMessageContaining("s2kparams of 3 bytes");
        assertThatThrownBy(() -> KerberosKeys.fromPassword("p".toCharArray(), new byte[1], new byte[] {0x7f, 0, 0, 0},
                EncryptionType.AES128_CTS_HMAC_SHA1_96)).hasMessageContaining("iteration count");
        assertThatThrownBy(() -> KerberosKeys.fromPassword("p".toCharArray(), "s", EncryptionType.DES_CBC_MD5))
                .isInstanceOf(KerberosException.class)
                .satisfies(e -> assertThat(((KerberosException) e).failure()).isEqualTo(KerberosFailure.ETYPE_NOT_SUPPORTED));
    }
}
