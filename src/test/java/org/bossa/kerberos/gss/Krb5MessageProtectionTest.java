package org.bossa.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.kerberos.gss.Krb5InitiatorContextTest.assertError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 4121 4.2 token layouts as sent, and every way a received token can be wrong, each giving its
 * own {@link GssError}.
 */
class Krb5MessageProtectionTest {
    private static final byte[] MSG = "seal me".getBytes(StandardCharsets.US_ASCII);

    private TestKrb5Acceptor acceptor;
    private Krb5InitiatorContext ctx;
    private long in;

    @BeforeEach
    void establish() throws Exception {
        acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        ctx = new Krb5InitiatorContext(acceptor.issueTicket(), EnumSet.of(ContextFlag.MUTUAL, ContextFlag.SEQUENCE,
                ContextFlag.CONFIDENTIALITY, ContextFlag.INTEGRITY), null);
        ctx.acceptToken(acceptor.accept(ctx.initialToken()));
        in = acceptor.acceptorSeq;
    }

    // ---- layouts of what we send ----

    @Test
    void sealedWrapTokenLayout() throws Exception {
        byte[] t = ctx.wrap(MSG, true);
        ByteBuffer b = ByteBuffer.wrap(t);
        assertThat(b.getShort()).isEqualTo((short) 0x0504);
        assertThat(b.get()).isEqualTo((byte) 0x06); // Sealed | AcceptorSubkey, not SentByAcceptor
        assertThat(b.get()).isEqualTo((byte) 0xff);
        assertThat(b.getShort()).as("EC").isZero();
        assertThat(b.getShort()).as("RRC").isZero();
        assertThat(b.getLong()).isEqualTo(acceptor.initiatorSeq);
        // header, E(confounder 16 | data | header copy 16), HMAC-SHA1-96
        assertThat(t).hasSize(16 + 16 + MSG.length + 16 + 12);
        assertThat(ctx.protection().sealedOverhead()).isEqualTo(t.length - MSG.length);
    }

    @Test
    void unsealedWrapTokenLayout() throws Exception {
        byte[] t = ctx.wrap(MSG, false);
        assertThat(Arrays.copyOf(t, 8)).containsExactly(0x05, 0x04, 0x04, 0xff, 0x00, 0x0c, 0x00, 0x00);
        assertThat(ByteBuffer.wrap(t, 8, 8).getLong()).isEqualTo(acceptor.initiatorSeq);
        assertThat(Arrays.copyOfRange(t, 16, 16 + MSG.length)).isEqualTo(MSG); // plaintext in the clear
        assertThat(t).hasSize(16 + MSG.length + 12);
        assertThat(ctx.protection().signedOverhead()).isEqualTo(t.length - MSG.length);
    }

    @Test
    void micTokenLayoutAndSequenceAdvance() throws Exception {
        byte[] first = ctx.getMic(MSG);
        byte[] second = ctx.getMic(MSG);
        assertThat(Arrays.copyOf(first, 8)).containsExactly(0x04, 0x04, 0x04, 0xff, 0xff, 0xff, 0xff, 0xff);
        assertThat(first).hasSize(16 + 12);
        assertThat(ByteBuffer.wrap(second, 8, 8).getLong()).isEqualTo(ByteBuffer.wrap(first, 8, 8).getLong() + 1);
    }

    // ---- bad input ----

    @Test
    void shortTokens() {
        assertError(() -> ctx.unwrap(new byte[15]), GssError.DEFECTIVE_TOKEN);
        assertError(() -> ctx.unwrap(null), GssError.DEFECTIVE_TOKEN);
        assertError(() -> ctx.verifyMic(MSG, new byte[10]), GssError.DEFECTIVE_TOKEN);
    }

    @Test
    void sealedTokenShorterThanConfounderAndChecksum() throws Exception {
        byte[] t = acceptor.wrap(MSG, true, 0, in);
        assertError(() -> ctx.unwrap(Arrays.copyOf(t, 16 + 40)), GssError.DEFECTIVE_TOKEN);
    }

    @Test
    void micTokenWithTrailingBytes() throws Exception {
        byte[] t = acceptor.mic(MSG, in);
        assertError(() -> ctx.verifyMic(MSG, Arrays.copyOf(t, t.length + 1)), GssError.DEFECTIVE_TOKEN);
    }

    @Test
    void wrongTokenIds() throws Exception {
        byte[] mic = acceptor.mic(MSG, in);
        byte[] wrap = acceptor.wrap(MSG, true, 0, in);
        assertError(() -> ctx.unwrap(mic), GssError.WRONG_TOKEN_ID);
        assertError(() -> ctx.verifyMic(MSG, wrap), GssError.WRONG_TOKEN_ID);
        byte[] rfc1964 = wrap.clone();
        rfc1964[0] = 0x02;
        rfc1964[1] = 0x01;
        assertError(() -> ctx.unwrap(rfc1964), GssError.WRONG_TOKEN_ID);
    }

    @Test
    void badFiller() throws Exception {
        byte[] wrap = acceptor.wrap(MSG, true, 0, in);
        wrap[3] = 0;
        assertError(() -> ctx.unwrap(wrap), GssError.BAD_FILLER);
        byte[] mic = acceptor.mic(MSG, in);
        mic[7] = 0x7f;
        assertError(() -> ctx.verifyMic(MSG, mic), GssError.BAD_FILLER);
    }

    @Test
    void badEc() throws Exception {
        byte[] unsealed = acceptor.wrap(MSG, false, 0, in);
        unsealed[5] = 8; // EC must be the 12-byte checksum size
        assertError(() -> ctx.unwrap(unsealed), GssError.BAD_EC);
        byte[] sealed = acceptor.wrap(MSG, true, 0, in);
        sealed[4] = 0x01; // EC 256 + 0: more filler than the token holds
        assertError(() -> ctx.unwrap(sealed), GssError.BAD_EC);
    }

    @Test
    void rrcThatDoesNotMatchTheRotationBreaksIntegrity() throws Exception {
        byte[] sealed = acceptor.wrap(MSG, true, 28, in);
        sealed[7] = 27;
        assertError(() -> ctx.unwrap(sealed), GssError.BAD_INTEGRITY);
        byte[] unsealed = acceptor.wrap(MSG, false, 0, in);
        unsealed[7] = 3;
        assertError(() -> ctx.unwrap(unsealed), GssError.BAD_INTEGRITY);
    }

    @Test
    void tamperedCiphertextChecksumOrData() throws Exception {
        byte[] sealed = acceptor.wrap(MSG, true, 0, in);
        sealed[20] ^= 1;
        assertError(() -> ctx.unwrap(sealed), GssError.BAD_INTEGRITY);
        byte[] unsealed = acceptor.wrap(MSG, false, 0, in);
        unsealed[16] ^= 1; // the clear data
        assertError(() -> ctx.unwrap(unsealed), GssError.BAD_INTEGRITY);
        byte[] mic = acceptor.mic(MSG, in);
        mic[mic.length - 1] ^= 1;
        assertError(() -> ctx.verifyMic(MSG, mic), GssError.BAD_INTEGRITY);
        byte[] goodMic = acceptor.mic(MSG, in);
        assertError(() -> ctx.verifyMic("other".getBytes(StandardCharsets.US_ASCII), goodMic), GssError.BAD_INTEGRITY);
    }

    @Test
    void alteredSequenceNumberInTheHeaderOfASealedToken() throws Exception {
        byte[] sealed = acceptor.wrap(MSG, true, 0, in);
        sealed[15] ^= 1; // the outer header no longer matches the encrypted copy
        assertError(() -> ctx.unwrap(sealed), GssError.HEADER_MISMATCH);
        assertError(() -> ctx.unwrap(acceptor.wrapWithMismatchedCopy(MSG, in)), GssError.HEADER_MISMATCH);
    }

    @Test
    void replayedAndSkippedTokens() throws Exception {
        byte[] first = acceptor.wrap(MSG, true, 0, in);
        ctx.unwrap(first);
        assertError(() -> ctx.unwrap(first), GssError.OUT_OF_SEQUENCE);
        assertError(() -> ctx.unwrap(acceptor.wrap(MSG, true, 0, in + 2)), GssError.OUT_OF_SEQUENCE);
        assertThat(ctx.unwrap(acceptor.wrap(MSG, true, 0, in + 1)).data()).isEqualTo(MSG);
    }

    @Test
    void reflectedOwnTokenIsWrongDirection() throws Exception {
        byte[] own = ctx.wrap(MSG, true);
        assertError(() -> ctx.unwrap(own), GssError.WRONG_DIRECTION);
        byte[] ownMic = ctx.getMic(MSG);
        assertError(() -> ctx.verifyMic(MSG, ownMic), GssError.WRONG_DIRECTION);
    }

    @Test
    void acceptorSubkeyFlagMustMatch() throws Exception {
        byte[] sealed = acceptor.wrap(MSG, true, 0, in);
        sealed[2] &= ~0x04;
        assertError(() -> ctx.unwrap(sealed), GssError.WRONG_SUBKEY_FLAG);
    }
}
