package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KdfTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] cstr(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** "Encryption in SMB 3.0: A protocol perspective": SigningKey and both cipher keys from SessionKey. */
    @Test
    void smb30LabelsReproducePublishedKeys() {
        byte[] sessionKey = HEX.parseHex("B4546771B515F766A86735532DD6C4F0");
        assertThat(Kdf.sp800108(sessionKey, cstr("SMB2AESCMAC"), cstr("SmbSign"), 128))
                .isEqualTo(HEX.parseHex("F773CD23C18FD1E08EE510CADA7CF852"));
        assertThat(Kdf.sp800108(sessionKey, cstr("SMB2AESCCM"), cstr("ServerIn "), 128))
                .isEqualTo(HEX.parseHex("261B72350558F2E9DCF613070383EDBF"));
        assertThat(Kdf.sp800108(sessionKey, cstr("SMB2AESCCM"), cstr("ServerOut"), 128))
                .isEqualTo(HEX.parseHex("8FE2B57EC34D2DB5B1A9727F526BBDB5"));
        assertThat(Kdf.sp800108(sessionKey, cstr("SMB2APP"), cstr("SmbRpc"), 128))
                .isEqualTo(HEX.parseHex("77432F808CE99156B5BC6A3676D730D1"));
    }

    @Test
    void lengthIsPartOfTheInput() {
        byte[] key = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
        byte[] k128 = Kdf.sp800108(key, cstr("L"), cstr("C"), 128);
        byte[] k256 = Kdf.sp800108(key, cstr("L"), cstr("C"), 256);
        byte[] k512 = Kdf.sp800108(key, cstr("L"), cstr("C"), 512);
        assertThat(k128).hasSize(16);
        assertThat(k256).hasSize(32);
        assertThat(k512).hasSize(64);
        assertThat(java.util.Arrays.copyOf(k256, 16)).isNotEqualTo(k128);
        // counter blocks differ
        assertThat(java.util.Arrays.copyOfRange(k512, 0, 32)).isNotEqualTo(java.util.Arrays.copyOfRange(k512, 32, 64));
    }

    @Test
    void separatorByteFollowsTheLabel() {
        byte[] key = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
        // Moving the label's last byte into the context must change the result (the 0x00 separator sits between).
        assertThat(Kdf.sp800108(key, "ab".getBytes(StandardCharsets.US_ASCII), "c".getBytes(StandardCharsets.US_ASCII), 128))
                .isNotEqualTo(Kdf.sp800108(key, "a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII), 128));
    }

    @Test
    void rejectsBadArguments() {
        byte[] key = new byte[16];
        assertThatThrownBy(() -> Kdf.sp800108(new byte[0], cstr("L"), cstr("C"), 128))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kdf.sp800108(key, cstr("L"), cstr("C"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kdf.sp800108(key, cstr("L"), cstr("C"), 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kdf.sp800108(key, null, cstr("C"), 128)).isInstanceOf(IllegalArgumentException.class);
    }
}
