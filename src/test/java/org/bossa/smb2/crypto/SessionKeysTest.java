package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<TestVectors> vectors() {
        return TestVectors.load("session-keys.vectors");
    }

    /** Published vectors give the client's view: the server's encryption key is the client's decryption key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesPublishedKeys(TestVectors v) {
        CipherId cipher = v.has("cipher") ? CipherId.fromCode(v.hexInt("cipher")) : null;
        byte[] preauth = v.has("preauthHash") ? v.hex("preauthHash") : null;
        SessionKeys keys = SessionKeys.derive(v.hexInt("dialect"), v.hex("sessionKey"), preauth, cipher);

        assertThat(keys.signingKey()).isEqualTo(v.hex("signingKey"));
        if (v.has("applicationKey")) {
            assertThat(keys.applicationKey()).isEqualTo(v.hex("applicationKey"));
        }
        if (v.has("clientEncryptionKey")) {
            assertThat(keys.decryptionKey()).isEqualTo(v.hex("clientEncryptionKey"));
            assertThat(keys.encryptionKey()).isEqualTo(v.hex("clientDecryptionKey"));
        }
    }

    @Test
    void smb2xUsesThePaddedSessionKey() {
        byte[] shortKey = HEX.parseHex("0102030405060708");
        SessionKeys keys = SessionKeys.derive(0x0202, shortKey, null, null);
        assertThat(keys.signingKey()).isEqualTo(HEX.parseHex("01020304050607080000000000000000"));
        assertThat(keys.applicationKey()).isEqualTo(keys.signingKey());
        assertThat(keys.encryptionKey()).isNull();
        assertThat(keys.decryptionKey()).isNull();

        byte[] longKey = new byte[32];
        Arrays.fill(longKey, (byte) 7);
        assertThat(SessionKeys.derive(0x0210, longKey, null, null).signingKey()).isEqualTo(Arrays.copyOf(longKey, 16));
    }

    @Test
    void smb30WithoutCipherHasNoEncryptionKeys() {
        SessionKeys keys = SessionKeys.derive(0x0302, HEX.parseHex("B4546771B515F766A86735532DD6C4F0"), null, null);
        assertThat(keys.signingKey()).isEqualTo(HEX.parseHex("F773CD23C18FD1E08EE510CADA7CF852"));
        assertThat(keys.encryptionKey()).isNull();
        assertThat(keys.decryptionKey()).isNull();
    }

    @Test
    void aes256KeysAre256BitsFromTheFullSessionKey() {
        byte[] preauth = new byte[64];
        Arrays.fill(preauth, (byte) 0x5A);
        byte[] kerberosKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            kerberosKey[i] = (byte) i;
        }
        byte[] otherTail = kerberosKey.clone();
        otherTail[31] ^= 1;

        for (CipherId cipher : List.of(CipherId.AES_256_CCM, CipherId.AES_256_GCM)) {
            SessionKeys a = SessionKeys.derive(0x0311, kerberosKey, preauth, cipher);
            SessionKeys b = SessionKeys.derive(0x0311, otherTail, preauth, cipher);
            assertThat(a.encryptionKey()).hasSize(32);
            assertThat(a.decryptionKey()).hasSize(32);
            assertThat(a.signingKey()).hasSize(16);
            assertThat(a.applicationKey()).hasSize(16);
            // signing and application keys come from the first 16 bytes only, cipher keys from all 32
            assertThat(b.signingKey()).isEqualTo(a.signingKey());
            assertThat(b.applicationKey()).isEqualTo(a.applicationKey());
            assertThat(b.encryptionKey()).isNotEqualTo(a.encryptionKey());
            assertThat(b.decryptionKey()).isNotEqualTo(a.decryptionKey());
            assertThat(a.encryptionKey()).isEqualTo(
                    Kdf.sp800108(kerberosKey, cstr("SMBS2CCipherKey"), preauth, 256));
            assertThat(a.decryptionKey()).isEqualTo(
                    Kdf.sp800108(kerberosKey, cstr("SMBC2SCipherKey"), preauth, 256));
            assertThat(a.signingKey()).isEqualTo(
                    Kdf.sp800108(Arrays.copyOf(kerberosKey, 16), cstr("SMBSigningKey"), preauth, 128));
        }
        // An NTLM (16-byte) key with AES-256: L = 256 over the 16-byte key.
        byte[] ntlmKey = Arrays.copyOf(kerberosKey, 16);
        SessionKeys n = SessionKeys.derive(0x0311, ntlmKey, preauth, CipherId.AES_256_GCM);
        assertThat(n.encryptionKey()).isEqualTo(Kdf.sp800108(ntlmKey, cstr("SMBS2CCipherKey"), preauth, 256));
        // AES-128 ciphers: 16-byte keys even from a 32-byte session key
        SessionKeys g = SessionKeys.derive(0x0311, kerberosKey, preauth, CipherId.AES_128_GCM);
        assertThat(g.encryptionKey()).isEqualTo(
                Kdf.sp800108(ntlmKey, cstr("SMBS2CCipherKey"), preauth, 128));
    }

    @Test
    void rejectsInconsistentArguments() {
        byte[] key = new byte[16];
        byte[] preauth = new byte[64];
        assertThatThrownBy(() -> SessionKeys.derive(0x0311, key, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x0311, key, new byte[32], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x0300, key, preauth, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x0300, key, null, CipherId.AES_128_GCM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x0202, key, null, CipherId.AES_128_CCM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x02FF, key, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(0x0311, new byte[0], preauth, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesKeys() {
        SessionKeys keys = SessionKeys.derive(0x0300, HEX.parseHex("B4546771B515F766A86735532DD6C4F0"), null,
                CipherId.AES_128_CCM);
        assertThat(keys.toString()).doesNotContainIgnoringCase("F773CD23").contains("16 bytes");
    }

    @Test
    void enumsMapWireCodes() {
        assertThat(CipherId.fromCode(1)).isEqualTo(CipherId.AES_128_CCM);
        assertThat(CipherId.fromCode(4)).isEqualTo(CipherId.AES_256_GCM);
        assertThat(CipherId.fromCode(0)).isNull();
        assertThat(CipherId.fromCode(5)).isNull();
        assertThat(CipherId.AES_256_CCM.keyLength()).isEqualTo(32);
        assertThat(CipherId.AES_128_GCM.keyLength()).isEqualTo(16);
        assertThat(CipherId.AES_128_GCM.code()).isEqualTo(2);
        assertThat(SigningAlgorithm.fromCode(2)).isEqualTo(SigningAlgorithm.AES_GMAC);
        assertThat(SigningAlgorithm.fromCode(0)).isEqualTo(SigningAlgorithm.HMAC_SHA256);
        assertThat(SigningAlgorithm.fromCode(3)).isNull();
        assertThat(SigningAlgorithm.AES_CMAC.code()).isEqualTo(1);
    }

    private static byte[] cstr(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
