package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransformCodecTest {

    private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);

    static List<TestVectors> vectors() {
        return TestVectors.load("transform.vectors");
    }

    private static long le64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** Encrypting with the published Nonce field gives the published transform message, byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encryptReproducesPublishedTransform(TestVectors v) {
        CipherId cipher = CipherId.fromCode(v.hexInt("cipher"));
        byte[] plain = v.hex("plaintext");
        byte[] expected = v.hex("transform");
        assertThat(expected).hasSize(52 + plain.length); // transcription check
        byte[] nonceField = Arrays.copyOfRange(expected, 20, 36);
        long sessionId = le64(expected, 44);

        TransformCodec sender = new TransformCodec(cipher, v.hex("key"), new byte[cipher.keyLength()]);
        assertThat(sender.encrypt(plain, 0, plain.length, sessionId, nonceField)).isEqualTo(expected);
    }

    /** The receiving side (its DecryptionKey = the sender's EncryptionKey) gets the plaintext back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decryptRecoversPublishedPlaintext(TestVectors v) throws TransformException {
        CipherId cipher = CipherId.fromCode(v.hexInt("cipher"));
        byte[] transform = v.hex("transform");
        TransformCodec receiver = new TransformCodec(cipher, new byte[cipher.keyLength()], v.hex("key"));
        assertThat(receiver.decrypt(transform, 0, transform.length)).isEqualTo(v.hex("plaintext"));
        assertThat(TransformCodec.sessionIdOf(transform, 0)).isEqualTo(le64(transform, 44));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publishedTransformWithAnyByteFlippedIsRejected(TestVectors v) {
        CipherId cipher = CipherId.fromCode(v.hexInt("cipher"));
        byte[] transform = v.hex("transform");
        TransformCodec receiver = new TransformCodec(cipher, new byte[cipher.keyLength()], v.hex("key"));
        for (int i = 0; i < transform.length; i++) {
            byte[] t = transform.clone();
            t[i] ^= 0x10;
            assertThatThrownBy(() -> receiver.decrypt(t, 0, t.length)).as("byte %d", i)
                    .isInstanceOf(TransformException.class);
        }
    }

    @Test
    void decryptsInSessionPublishedGcmExchangeFromTheServerSide() throws TransformException {
        // Server view of [C] A.1: keys derived by SessionKeys, request decrypted, response re-encrypted.
        TestVectors keysVector = TestVectors.load("session-keys.vectors").stream()
                .filter(v -> v.name().equals("smb311-gcm-blog")).findFirst().orElseThrow();
        SessionKeys keys = SessionKeys.derive(0x0311, keysVector.hex("sessionKey"), keysVector.hex("preauthHash"),
                CipherId.AES_128_GCM);
        TransformCodec server = new TransformCodec(CipherId.AES_128_GCM, keys.encryptionKey(), keys.decryptionKey());
        for (TestVectors v : vectors()) {
            if (!v.name().startsWith("smb311-gcm")) {
                continue;
            }
            byte[] transform = v.hex("transform");
            if (v.name().endsWith("request")) {
                assertThat(server.decrypt(transform, 0, transform.length)).isEqualTo(v.hex("plaintext"));
            } else {
                byte[] plain = v.hex("plaintext");
                assertThat(server.encrypt(plain, 0, plain.length, le64(transform, 44),
                        Arrays.copyOfRange(transform, 20, 36))).isEqualTo(transform);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void roundTripAllSizesAtAnOffset(CipherId cipher) throws TransformException {
        byte[] c2s = randomBytes(cipher.keyLength());
        byte[] s2c = randomBytes(cipher.keyLength());
        TransformCodec server = new TransformCodec(cipher, s2c, c2s);
        TransformCodec client = new TransformCodec(cipher, c2s, s2c);
        for (int len : new int[] {1, 15, 16, 17, 64, 65, 1000, 70_000}) {
            byte[] plain = randomBytes(len);
            byte[] buf = new byte[len + 9];
            System.arraycopy(plain, 0, buf, 5, len);

            byte[] wire = server.encrypt(buf, 5, len, 0x0000_1000_0000_0025L);
            assertThat(wire).hasSize(52 + len);
            assertThat(Arrays.copyOf(wire, 4)).isEqualTo(new byte[] {(byte) 0xFD, 'S', 'M', 'B'});
            assertThat(le64(wire, 44)).isEqualTo(0x0000_1000_0000_0025L);
            assertThat((wire[36] & 0xFF) | (wire[37] & 0xFF) << 8 | (wire[38] & 0xFF) << 16 | (wire[39] & 0xFF) << 24)
                    .isEqualTo(len);
            assertThat(wire[40]).isZero();
            assertThat(wire[41]).isZero();
            assertThat(wire[42]).isEqualTo((byte) 1);
            assertThat(wire[43]).isZero();
            // unused nonce bytes are zero
            assertThat(Arrays.copyOfRange(wire, 20 + cipher.nonceLength(), 36)).containsOnly(0);
            if (len >= 16) {
                assertThat(Arrays.copyOfRange(wire, 52, 68)).isNotEqualTo(Arrays.copyOf(plain, 16));
            }

            byte[] framed = new byte[wire.length + 3];
            System.arraycopy(wire, 0, framed, 3, wire.length);
            assertThat(client.decrypt(framed, 3, wire.length)).isEqualTo(plain);
            assertThat(TransformCodec.sessionIdOf(framed, 3)).isEqualTo(0x0000_1000_0000_0025L);
            // the sender cannot decrypt its own message: directions use different keys
            assertThatThrownBy(() -> server.decrypt(wire, 0, wire.length)).isInstanceOf(TransformException.class);
        }
    }

    /** AES-GCM output checked against Bouncy Castle's independent GCM (the codec uses the JCE). */
    @ParameterizedTest
    @EnumSource(value = CipherId.class, names = {"AES_128_GCM", "AES_256_GCM"})
    void gcmMatchesIndependentImplementation(CipherId cipher) throws Exception {
        byte[] key = randomBytes(cipher.keyLength());
        byte[] plain = randomBytes(333);
        byte[] wire = new TransformCodec(cipher, key, key).encrypt(plain, 0, plain.length, 42);

        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, Arrays.copyOfRange(wire, 20, 32),
                Arrays.copyOfRange(wire, 20, 52)));
        byte[] out = new byte[gcm.getOutputSize(plain.length)];
        int n = gcm.processBytes(plain, 0, plain.length, out, 0);
        gcm.doFinal(out, n);
        assertThat(Arrays.copyOfRange(wire, 52, wire.length)).isEqualTo(Arrays.copyOf(out, plain.length));
        assertThat(Arrays.copyOfRange(wire, 4, 20)).isEqualTo(Arrays.copyOfRange(out, plain.length, out.length));
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void tamperingWithCiphertextAadOrSignatureFails(CipherId cipher) throws TransformException {
        byte[] key = randomBytes(cipher.keyLength());
        TransformCodec codec = new TransformCodec(cipher, key, key);
        byte[] plain = randomBytes(200);
        byte[] wire = codec.encrypt(plain, 0, plain.length, 77);
        assertThat(codec.decrypt(wire, 0, wire.length)).isEqualTo(plain);
        // signature, every AAD byte (nonce .. session id), first/middle/last ciphertext byte
        List<Integer> positions = new ArrayList<>();
        for (int i = 4; i < 52; i++) {
            positions.add(i);
        }
        positions.addAll(List.of(52, 150, wire.length - 1));
        for (int pos : positions) {
            byte[] t = wire.clone();
            t[pos] ^= 0x01;
            assertThatThrownBy(() -> codec.decrypt(t, 0, t.length)).as("byte %d", pos)
                    .isInstanceOf(TransformException.class);
        }
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new TransformCodec(cipher, key, otherKey).decrypt(wire, 0, wire.length))
                .isInstanceOf(TransformException.class).hasMessageContaining("authentication");
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void truncatedOversizedAndMalformedInputGivesTransformException(CipherId cipher) {
        byte[] key = randomBytes(cipher.keyLength());
        TransformCodec codec = new TransformCodec(cipher, key, key);
        byte[] plain = randomBytes(100);
        byte[] wire = codec.encrypt(plain, 0, plain.length, 1);

        for (int len = 0; len < wire.length; len++) {
            int l = len;
            assertThatThrownBy(() -> codec.decrypt(wire, 0, l)).isInstanceOf(TransformException.class);
            byte[] truncated = Arrays.copyOf(wire, len);
            assertThatThrownBy(() -> codec.decrypt(truncated, 0, truncated.length))
                    .isInstanceOf(TransformException.class);
        }
        byte[] longer = Arrays.copyOf(wire, wire.length + 1);
        assertThatThrownBy(() -> codec.decrypt(longer, 0, longer.length)).isInstanceOf(TransformException.class)
                .hasMessageContaining("OriginalMessageSize");
        // out of bounds ranges
        assertThatThrownBy(() -> codec.decrypt(wire, 1, wire.length)).isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> codec.decrypt(wire, -1, 10)).isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> codec.decrypt(wire, 0, -5)).isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> codec.decrypt(wire, Integer.MAX_VALUE, 60)).isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> codec.decrypt(null, 0, 60)).isInstanceOf(TransformException.class);
        // absurd OriginalMessageSize (0xFFFFFFFF and 0)
        byte[] huge = wire.clone();
        huge[36] = huge[37] = huge[38] = huge[39] = (byte) 0xFF;
        assertThatThrownBy(() -> codec.decrypt(huge, 0, huge.length)).isInstanceOf(TransformException.class)
                .hasMessageContaining("out of range");
        byte[] headerOnly = Arrays.copyOf(wire, 52);
        headerOnly[36] = headerOnly[37] = headerOnly[38] = headerOnly[39] = 0;
        assertThatThrownBy(() -> codec.decrypt(headerOnly, 0, 52)).isInstanceOf(TransformException.class)
                .hasMessageContaining("out of range");
        // wrong protocol id (a plain SMB2 header) and wrong flags
        byte[] smb2 = wire.clone();
        smb2[0] = (byte) 0xFE;
        assertThatThrownBy(() -> codec.decrypt(smb2, 0, smb2.length)).isInstanceOf(TransformException.class)
                .hasMessageContaining("not a transform");
        byte[] flags = wire.clone();
        flags[42] = 0;
        assertThatThrownBy(() -> codec.decrypt(flags, 0, flags.length)).isInstanceOf(TransformException.class)
                .hasMessageContaining("flags");
        // random garbage never escapes as anything but TransformException
        for (int i = 0; i < 300; i++) {
            byte[] junk = randomBytes(random.nextInt(200));
            if (junk.length >= 4 && random.nextBoolean()) {
                junk[0] = (byte) 0xFD;
                junk[1] = 'S';
                junk[2] = 'M';
                junk[3] = 'B';
            }
            assertThatThrownBy(() -> codec.decrypt(junk, 0, junk.length)).isInstanceOf(TransformException.class);
        }
    }

    @Test
    void sessionIdOfChecksBoundsAndProtocolId() throws TransformException {
        byte[] key = randomBytes(16);
        byte[] wire = new TransformCodec(CipherId.AES_128_CCM, key, key).encrypt(new byte[70], 0, 70, -2L);
        assertThat(TransformCodec.sessionIdOf(wire, 0)).isEqualTo(-2L);
        assertThatThrownBy(() -> TransformCodec.sessionIdOf(Arrays.copyOf(wire, 51), 0))
                .isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> TransformCodec.sessionIdOf(wire, wire.length - 51))
                .isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> TransformCodec.sessionIdOf(wire, -1)).isInstanceOf(TransformException.class);
        assertThatThrownBy(() -> TransformCodec.sessionIdOf(wire, 1)).isInstanceOf(TransformException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void noncesNeverRepeatEvenUnderConcurrency(CipherId cipher) throws Exception {
        byte[] key = randomBytes(cipher.keyLength());
        TransformCodec codec = new TransformCodec(cipher, key, key);
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        byte[] plain = new byte[64];
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(ex.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] wire = codec.encrypt(plain, 0, plain.length, 5);
                        String n = HexFormat.of().formatHex(wire, 20, 36);
                        if (!nonces.add(n)) {
                            throw new AssertionError("nonce repeated: " + n);
                        }
                        codec.decrypt(wire, 0, wire.length);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(nonces).hasSize(16 * 500);
        // two codecs with the same key start from different random salts
        TransformCodec other = new TransformCodec(cipher, key, key);
        Set<String> first = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            first.add(HexFormat.of().formatHex(other.encrypt(plain, 0, 64, 5), 20, 36));
        }
        assertThat(first).doesNotContainAnyElementsOf(nonces);
    }

    @Test
    void constructorAndEncryptValidateArguments() {
        assertThatThrownBy(() -> new TransformCodec(CipherId.AES_256_GCM, new byte[16], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransformCodec(CipherId.AES_128_CCM, new byte[16], null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransformCodec(null, new byte[16], new byte[16]))
                .isInstanceOf(NullPointerException.class);
        TransformCodec codec = new TransformCodec(CipherId.AES_128_GCM, new byte[16], new byte[16]);
        assertThat(codec.cipher()).isEqualTo(CipherId.AES_128_GCM);
        assertThatThrownBy(() -> codec.encrypt(new byte[10], 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encrypt(new byte[10], 5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
