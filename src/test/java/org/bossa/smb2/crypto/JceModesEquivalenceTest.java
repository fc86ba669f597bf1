package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.macs.GMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/**
 * The MAC and AEAD modes built from JCE primitives ({@link AesCmacSigner}, {@link AesGmacSigner}, {@link Aead})
 * against Bouncy Castle's independent implementations, on random keys, nonces and data, at lengths around the
 * block size and the chunk sizes, in both directions, plus tampering.
 */
class JceModesEquivalenceTest {

    /**
     * Lengths around blocks, the engine's own small scratch ({@link AesModes#SMALL_CHUNK}), the chunk size of the
     * JCE calls ({@link AesModes#CHUNK}), the switch from the direct JCE route to the chunked construction
     * ({@link AesModes#DIRECT_MAX}; for the signers these are body lengths, the message has 64 more bytes),
     * 64 KiB, and a long odd one.
     */
    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31,
        AesModes.SMALL_CHUNK - 1, AesModes.SMALL_CHUNK, AesModes.SMALL_CHUNK + 1, 2 * AesModes.SMALL_CHUNK + 5,
        AesModes.CHUNK - 1, AesModes.CHUNK, AesModes.CHUNK + 1, 2 * AesModes.CHUNK + 16,
        AesModes.DIRECT_MAX - 64, AesModes.DIRECT_MAX - 63, AesModes.DIRECT_MAX, AesModes.DIRECT_MAX + 1,
        65_535, 65_536, 65_537, (1 << 20) + 3};

    private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(2024);

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void aeadMatchesBouncyCastleBothWaysAndRejectsTampering(CipherId cipher) throws Exception {
        byte[] key = randomBytes(cipher.keyLength());
        Aead aead = Aead.of(cipher, key);
        for (int len : LENGTHS) {
            for (int aadLen : len == 17 ? new int[] {0, 1, 16, 32, 100} : new int[] {32}) {
                byte[] nonce = randomBytes(cipher.nonceLength());
                byte[] aad = randomBytes(aadLen + 3);
                byte[] plain = randomBytes(len + 5);
                String what = cipher + " len=" + len + " aad=" + aadLen;

                // ours, at offsets, against Bouncy Castle
                byte[] out = new byte[len + 40];
                aead.seal(nonce, aad, 3, aadLen, plain, 5, len, out, 7, len + 20);
                byte[] reference = bcSeal(cipher, key, nonce, Arrays.copyOfRange(aad, 3, 3 + aadLen),
                        Arrays.copyOfRange(plain, 5, 5 + len));
                assertThat(Arrays.copyOfRange(out, 7, 7 + len)).as(what).isEqualTo(Arrays.copyOf(reference, len));
                assertThat(Arrays.copyOfRange(out, len + 20, len + 36)).as(what + " tag")
                        .isEqualTo(Arrays.copyOfRange(reference, len, len + 16));

                // Bouncy Castle's output opened by ours, twice (a repeated nonce must be fine when opening)
                byte[] ct = new byte[len + 2];
                System.arraycopy(reference, 0, ct, 2, len);
                byte[] tag = new byte[20];
                System.arraycopy(reference, len, tag, 4, 16);
                for (int i = 0; i < 2; i++) {
                    assertThat(aead.open(nonce, aad, 3, aadLen, ct, 2, len, tag, 4)).as(what)
                            .isEqualTo(Arrays.copyOfRange(plain, 5, 5 + len));
                }

                // tampering: a ciphertext bit (first, random, last), a tag bit, an AAD bit, the nonce
                if (len > 0) {
                    for (int pos : new int[] {0, random.nextInt(len), len - 1}) {
                        ct[2 + pos] ^= (byte) (1 << random.nextInt(8));
                        assertThatThrownBy(() -> aead.open(nonce, aad, 3, aadLen, ct, 2, len, tag, 4))
                                .as(what + " ct byte " + pos).isInstanceOf(TransformException.class);
                        System.arraycopy(reference, 0, ct, 2, len);
                    }
                }
                tag[4 + random.nextInt(16)] ^= 0x40;
                assertThatThrownBy(() -> aead.open(nonce, aad, 3, aadLen, ct, 2, len, tag, 4))
                        .as(what + " tag").isInstanceOf(TransformException.class);
                System.arraycopy(reference, len, tag, 4, 16);
                if (aadLen > 0) {
                    int pos = 3 + random.nextInt(aadLen);
                    aad[pos] ^= 0x02;
                    assertThatThrownBy(() -> aead.open(nonce, aad, 3, aadLen, ct, 2, len, tag, 4))
                            .as(what + " aad").isInstanceOf(TransformException.class);
                    aad[pos] ^= 0x02;
                }
                byte[] otherNonce = nonce.clone();
                otherNonce[nonce.length - 1] ^= 0x01;
                assertThatThrownBy(() -> aead.open(otherNonce, aad, 3, aadLen, ct, 2, len, tag, 4))
                        .as(what + " nonce").isInstanceOf(TransformException.class);
            }
        }
    }

    @Test
    void aeadWithTheWrongKeyFailsAndBothDirectionsAreIndependent() throws Exception {
        for (CipherId cipher : CipherId.values()) {
            byte[] key = randomBytes(cipher.keyLength());
            byte[] other = key.clone();
            other[3] ^= 0x10;
            byte[] nonce = randomBytes(cipher.nonceLength());
            byte[] aad = randomBytes(32);
            byte[] plain = randomBytes(70_000);
            byte[] sealed = new byte[plain.length + 16];
            Aead.of(cipher, key).seal(nonce, aad, 0, 32, plain, 0, plain.length, sealed, 0, plain.length);
            assertThatThrownBy(() -> Aead.of(cipher, other).open(nonce, aad, 0, 32, sealed, 0, plain.length,
                    sealed, plain.length)).isInstanceOf(TransformException.class);
            assertThat(Aead.of(cipher, key).open(nonce, aad, 0, 32, sealed, 0, plain.length, sealed, plain.length))
                    .isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = "HMAC_SHA256", mode = Mode.EXCLUDE)
    void aesSignersMatchBouncyCastleAndRejectTampering(SigningAlgorithm alg) {
        byte[] key = randomBytes(16);
        MessageSigner signer = MessageSigner.of(alg, key);
        for (int bodyLen : LENGTHS) {
            for (boolean response : new boolean[] {false, true}) {
                byte[] msg = MessageSignerTest.message(bodyLen, response ? 0x0008 : 0x000C, random.nextLong(),
                        response);
                byte[] buf = new byte[msg.length + 9];
                System.arraycopy(msg, 0, buf, 9, msg.length);
                signer.sign(buf, 9, msg.length);
                byte[] signed = Arrays.copyOfRange(buf, 9, 9 + msg.length);
                byte[] zeroed = signed.clone();
                Arrays.fill(zeroed, 48, 64, (byte) 0);
                byte[] expected = alg == SigningAlgorithm.AES_CMAC ? bcCmac(key, zeroed) : bcGmac(key, zeroed);
                String what = alg + " body=" + bodyLen + " response=" + response;
                assertThat(Arrays.copyOfRange(signed, 48, 64)).as(what).isEqualTo(expected);
                assertThat(signer.verify(buf, 9, msg.length)).as(what).isTrue();
                assertThat(signer.verify(buf, 9, msg.length)).as(what + " again").isTrue();

                int pos = 9 + random.nextInt(msg.length);
                buf[pos] ^= (byte) (1 << random.nextInt(8));
                assertThat(signer.verify(buf, 9, msg.length)).as(what + " byte " + (pos - 9)).isFalse();
                buf[pos] = signed[pos - 9];
                buf[9 + msg.length - 1] ^= (byte) 0x80;
                assertThat(signer.verify(buf, 9, msg.length)).as(what + " last byte").isFalse();
                buf[9 + msg.length - 1] ^= (byte) 0x80;
                assertThat(signer.verify(buf, 9, msg.length - 1)).as(what + " truncated").isFalse();
            }
        }
    }

    /** RFC 4493 section 4 examples, through the same CBC-MAC core (CMAC over a "message" with no header). */
    @Test
    void cmacSubkeysFollowRfc4493() {
        byte[] l = hex("7df76b0c1ab899b33e42f047b91b546f");
        assertThat(AesCmacSigner.doubled(l)).isEqualTo(hex("fbeed618357133667c85e08f7236a8de"));
        assertThat(AesCmacSigner.doubled(AesCmacSigner.doubled(l))).isEqualTo(hex("f7ddac306ae266ccf90bc11ee46d513b"));
    }

    @Test
    void gfMultiplicationMatchesBouncyCastle() {
        for (int i = 0; i < 200; i++) {
            byte[] x = randomBytes(16);
            byte[] h = randomBytes(16);
            if (i < 3) {
                Arrays.fill(x, (byte) (i == 0 ? 0 : i == 1 ? 0xFF : 0x80));
            }
            byte[] expected = x.clone();
            GCMUtil.multiply(expected, h);
            byte[] acc = randomBytes(16);
            byte[] ours = acc.clone();
            AesModes.xorGfMul(AesModes.be64(x, 0), AesModes.be64(x, 8), AesModes.be64(h, 0), AesModes.be64(h, 8),
                    ours, 0);
            for (int j = 0; j < 16; j++) {
                ours[j] ^= acc[j];
            }
            assertThat(ours).isEqualTo(expected);
        }
    }

    private static byte[] bcSeal(CipherId cipher, byte[] key, byte[] nonce, byte[] aad, byte[] plain)
            throws Exception {
        AEADCipher c = cipher.isGcm() ? GCMBlockCipher.newInstance(AESEngine.newInstance())
                : CCMBlockCipher.newInstance(AESEngine.newInstance());
        c.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[c.getOutputSize(plain.length)];
        int n = c.processBytes(plain, 0, plain.length, out, 0);
        n += c.doFinal(out, n);
        assertThat(n).isEqualTo(plain.length + 16);
        return out;
    }

    private static byte[] bcCmac(byte[] key, byte[] msg) {
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        cmac.update(msg, 0, msg.length);
        byte[] out = new byte[16];
        cmac.doFinal(out, 0);
        return out;
    }

    private static byte[] bcGmac(byte[] key, byte[] msg) {
        GMac gmac = new GMac(GCMBlockCipher.newInstance(AESEngine.newInstance()), 128);
        gmac.init(new ParametersWithIV(new KeyParameter(key), AesGmacSigner.nonce(msg, 0)));
        gmac.update(msg, 0, msg.length);
        byte[] out = new byte[16];
        gmac.doFinal(out, 0);
        return out;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
