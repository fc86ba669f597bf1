package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.GMac;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSignerTest {

    private static final RandomGenerator RANDOM = RandomGeneratorFactory.of("L64X128MixRandom").create(42);

    static List<TestVectors> vectors() {
        return TestVectors.load("signing.vectors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesPublishedSignatureAndLeavesMessageUnchanged(TestVectors v) {
        MessageSigner signer = MessageSigner.of(SigningAlgorithm.fromCode(v.hexInt("algorithm")), v.hex("signingKey"));
        byte[] msg = v.hex("message");
        byte[] copy = msg.clone();
        assertThat(signer.verify(msg, 0, msg.length)).isTrue();
        assertThat(msg).isEqualTo(copy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signReproducesPublishedSignature(TestVectors v) {
        MessageSigner signer = MessageSigner.of(SigningAlgorithm.fromCode(v.hexInt("algorithm")), v.hex("signingKey"));
        byte[] expected = v.hex("message");
        byte[] msg = expected.clone();
        Arrays.fill(msg, 48, 64, (byte) 0xAA); // garbage in the signature field must be ignored
        msg[16] &= ~0x08; // and the SIGNED flag set by sign()
        signer.sign(msg, 0, msg.length);
        assertThat(msg).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectsPublishedMessageWithAnyByteFlipped(TestVectors v) {
        MessageSigner signer = MessageSigner.of(SigningAlgorithm.fromCode(v.hexInt("algorithm")), v.hex("signingKey"));
        byte[] msg = v.hex("message");
        for (int i = 0; i < msg.length; i++) {
            msg[i] ^= 0x01;
            assertThat(signer.verify(msg, 0, msg.length)).as("byte %d flipped", i).isFalse();
            msg[i] ^= 0x01;
        }
        assertThat(signer.verify(msg, 0, msg.length)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void roundTripAtAnOffsetInABiggerBuffer(SigningAlgorithm alg) {
        byte[] key = randomBytes(16);
        MessageSigner signer = MessageSigner.of(alg, key);
        assertThat(signer.algorithm()).isEqualTo(alg);
        for (int bodyLength : new int[] {0, 1, 15, 16, 17, 100, 65_536}) {
            byte[] msg = message(bodyLength, 0x0008, 0x12345678L, false);
            byte[] buf = new byte[msg.length + 20];
            System.arraycopy(msg, 0, buf, 7, msg.length);
            signer.sign(buf, 7, msg.length);
            assertThat(buf[7 + 16] & 0x08).as("SMB2_FLAGS_SIGNED").isEqualTo(0x08);
            assertThat(Arrays.copyOfRange(buf, 7 + 48, 7 + 64)).isNotEqualTo(new byte[16]);
            assertThat(buf).startsWith(new byte[7]);
            assertThat(signer.verify(buf, 7, msg.length)).isTrue();
            // the bytes around the message are not covered
            buf[0] ^= 1;
            buf[buf.length - 1] ^= 1;
            assertThat(signer.verify(buf, 7, msg.length)).isTrue();
            // the last body byte is
            buf[7 + msg.length - 1] ^= 1;
            assertThat(signer.verify(buf, 7, msg.length)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void wrongKeyOrTamperedSignatureFails(SigningAlgorithm alg) {
        byte[] key = randomBytes(16);
        byte[] msg = message(40, 0x0001, 7, false);
        MessageSigner.of(alg, key).sign(msg, 0, msg.length);
        byte[] otherKey = key.clone();
        otherKey[15] ^= 1;
        assertThat(MessageSigner.of(alg, otherKey).verify(msg, 0, msg.length)).isFalse();
        for (int i = 48; i < 64; i++) {
            msg[i] ^= (byte) 0x80;
            assertThat(MessageSigner.of(alg, key).verify(msg, 0, msg.length)).isFalse();
            msg[i] ^= (byte) 0x80;
        }
        assertThat(MessageSigner.of(alg, key).verify(msg, 0, msg.length)).isTrue();
    }

    /** HMAC-SHA256 signature = first 16 bytes of the MAC over the message with a zero signature field. */
    @Test
    void hmacSha256MatchesIndependentComputation() {
        byte[] key = randomBytes(16);
        byte[] msg = message(77, 0x0001, 99, false);
        MessageSigner.of(SigningAlgorithm.HMAC_SHA256, key).sign(msg, 0, msg.length);

        byte[] zeroed = msg.clone();
        Arrays.fill(zeroed, 48, 64, (byte) 0);
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(zeroed, 0, zeroed.length);
        byte[] full = new byte[32];
        hmac.doFinal(full, 0);
        assertThat(Arrays.copyOfRange(msg, 48, 64)).isEqualTo(Arrays.copyOf(full, 16));
    }

    /**
     * AES-GMAC against Bouncy Castle's GMac with the nonce of MS-SMB2 3.1.4.1 built independently here:
     * MessageId (8 bytes LE), then a LE u32 with bit 0 = server sender, bit 1 = CANCEL request.
     */
    @Test
    void gmacNonceFollowsMsSmb2() {
        byte[] key = randomBytes(16);
        MessageSigner signer = MessageSigner.of(SigningAlgorithm.AES_GMAC, key);
        long messageId = 0x0102030405060708L;
        record Case(int command, boolean response, int roleWord) { }
        for (Case c : List.of(new Case(0x0008, false, 0), new Case(0x0008, true, 1), new Case(0x000C, false, 2))) {
            byte[] msg = message(50, c.command(), messageId, c.response());
            signer.sign(msg, 0, msg.length);

            byte[] zeroed = msg.clone();
            Arrays.fill(zeroed, 48, 64, (byte) 0);
            byte[] nonce = new byte[12];
            for (int i = 0; i < 8; i++) {
                nonce[i] = (byte) (messageId >>> (8 * i));
            }
            nonce[8] = (byte) c.roleWord();
            GMac gmac = new GMac(GCMBlockCipher.newInstance(AESEngine.newInstance()), 128);
            gmac.init(new ParametersWithIV(new KeyParameter(key), nonce));
            gmac.update(zeroed, 0, zeroed.length);
            byte[] expected = new byte[16];
            gmac.doFinal(expected, 0);
            assertThat(Arrays.copyOfRange(msg, 48, 64)).as("%s", c).isEqualTo(expected);
        }
    }

    @Test
    void gmacCanSignTheSameMessageTwice() {
        MessageSigner signer = MessageSigner.of(SigningAlgorithm.AES_GMAC, randomBytes(16));
        byte[] a = message(20, 0x0005, 11, true);
        byte[] b = a.clone();
        signer.sign(a, 0, a.length);
        signer.sign(b, 0, b.length);
        assertThat(b).isEqualTo(a);
        assertThat(signer.verify(b, 0, b.length)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void concurrentUseFromManyVirtualThreads(SigningAlgorithm alg) throws Exception {
        MessageSigner signer = MessageSigner.of(alg, randomBytes(16));
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            messages.add(message(i * 7 % 300, 0x0009, i, i % 2 == 0));
        }
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (byte[] m : messages) {
                results.add(ex.submit(() -> {
                    signer.sign(m, 0, m.length);
                    boolean ok = signer.verify(m, 0, m.length);
                    m[m.length - 1] ^= 1;
                    boolean tampered = signer.verify(m, 0, m.length);
                    m[m.length - 1] ^= 1;
                    return ok && !tampered;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void shortOrOutOfBoundsInput(SigningAlgorithm alg) {
        MessageSigner signer = MessageSigner.of(alg, randomBytes(16));
        byte[] msg = message(0, 1, 1, false);
        assertThat(signer.verify(msg, 0, 63)).isFalse();
        assertThat(signer.verify(msg, 1, 64)).isFalse();
        assertThat(signer.verify(msg, -1, 64)).isFalse();
        assertThat(signer.verify(null, 0, 64)).isFalse();
        assertThatThrownBy(() -> signer.sign(msg, 0, 63)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(msg, 8, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoryRejectsBadKeys() {
        assertThatThrownBy(() -> MessageSigner.of(SigningAlgorithm.AES_CMAC, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSigner.of(SigningAlgorithm.AES_GMAC, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSigner.of(SigningAlgorithm.HMAC_SHA256, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSigner.of(null, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    /** An SMB2 header (sync form) plus a random body. */
    static byte[] message(int bodyLength, int command, long messageId, boolean response) {
        byte[] m = new byte[64 + bodyLength];
        RANDOM.nextBytes(m);
        m[0] = (byte) 0xFE;
        m[1] = 'S';
        m[2] = 'M';
        m[3] = 'B';
        m[4] = 64;
        m[5] = 0;
        m[12] = (byte) command;
        m[13] = (byte) (command >>> 8);
        m[16] = (byte) (response ? 0x01 : 0x00);
        m[17] = 0;
        m[18] = 0;
        m[19] = 0;
        for (int i = 0; i < 8; i++) {
            m[24 + i] = (byte) (messageId >>> (8 * i));
        }
        return m;
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
