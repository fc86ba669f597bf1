package org.bossa.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The initiator against {@link TestKrb5Acceptor}: AP-REQ contents, AP-REP handling, then tokens both ways. */
class Krb5InitiatorContextTest {
    private static final Set<ContextFlag> SASL_FLAGS = EnumSet.of(ContextFlag.MUTUAL, ContextFlag.SEQUENCE,
            ContextFlag.CONFIDENTIALITY, ContextFlag.INTEGRITY);
    private static final Instant NOW = Instant.parse("2026-11-23T22:40:01.123456789Z");

    private static Krb5InitiatorContext context(InitiatorTicket t, Set<ContextFlag> flags, ChannelBindings cb)
            throws GssException {
        return new Krb5InitiatorContext(t, flags, cb, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(value = EncryptionType.class, names = {"AES128_CTS_HMAC_SHA1_96", "AES256_CTS_HMAC_SHA1_96"})
    void apReqCarriesChecksumSubkeySequenceAndTime(EncryptionType etype) throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(etype);
        InitiatorTicket ticket = acceptor.issueTicket();
        Krb5InitiatorContext ctx = context(ticket, SASL_FLAGS, null);

        acceptor.accept(ctx.initialToken());

        assertThat(acceptor.mutualRequested()).isTrue();
        assertThat(acceptor.authenticator.getAuthenticatorVno()).isEqualTo(5);
        assertThat(acceptor.authenticator.getCrealm()).isEqualTo("EXAMPLE.TEST");
        assertThat(acceptor.authenticator.getCname().getNameStrings()).containsExactly("alice");
        assertThat(acceptor.checksumType).isEqualTo(0x8003);
        // RFC 4121 4.1.1: Lgth 16 LE, Bnd zeros (no bindings), Flags LE = mutual|sequence|conf|integ = 0x3a
        assertThat(acceptor.checksumValue).containsExactly(
                0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3a, 0, 0, 0);
        assertThat(acceptor.initiatorSubkey.getKeyType()).isEqualTo(etype);
        assertThat(acceptor.initiatorSubkey.getKeyData()).isNotEqualTo(ticket.sessionKey().getKeyData());
        assertThat(acceptor.initiatorSeq).isBetween(0L, 0x3fffffffL);
        assertThat(acceptor.authenticator.getCtime().getTime()).isEqualTo(NOW.getEpochSecond() * 1000);
        assertThat(acceptor.authenticator.getCusec()).isEqualTo(123456);
    }

    @Test
    void channelBindingHashGoesIntoBnd() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        ChannelBindings cb = ChannelBindings.ofApplicationData("tls-server-end-point:xyz".getBytes(StandardCharsets.US_ASCII));
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), EnumSet.of(ContextFlag.MUTUAL), cb);
        acceptor.accept(ctx.initialToken());
        AuthenticatorChecksum sum = AuthenticatorChecksum.decode(acceptor.checksumValue);
        assertThat(sum.bindingHash()).isEqualTo(cb.md5()).isNotEqualTo(new byte[16]);
        assertThat(sum.flags()).containsExactly(ContextFlag.MUTUAL);
    }

    @ParameterizedTest
    @EnumSource(value = EncryptionType.class, names = {"AES128_CTS_HMAC_SHA1_96", "AES256_CTS_HMAC_SHA1_96"})
    void mutualWithAcceptorSubkeyThenTokensBothWays(EncryptionType etype) throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(etype);
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        byte[] apRep = acceptor.accept(ctx.initialToken());
        assertThat(ctx.isEstablished()).isFalse();
        ctx.acceptToken(apRep);
        assertThat(ctx.isEstablished()).isTrue();
        exchange(ctx, acceptor);
    }

    @Test
    void mutualWithoutAcceptorSubkeyUsesOurSubkey() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        acceptor.sendSubkey = false;
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        ctx.acceptToken(acceptor.accept(ctx.initialToken()));
        byte[] token = ctx.wrap(new byte[] {1, 2, 3}, true);
        assertThat(token[2]).isEqualTo((byte) 0x02); // Sealed only: no AcceptorSubkey flag
        assertThat(acceptor.unwrapFromInitiator(token, acceptor.initiatorSeq++)).containsExactly(1, 2, 3);
        exchange(ctx, acceptor);
    }

    @Test
    void withoutMutualTheContextIsEstablishedAtOnceAndBothSidesStartAtOurSequence() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(),
                EnumSet.of(ContextFlag.INTEGRITY, ContextFlag.CONFIDENTIALITY), null);
        acceptor.accept(ctx.initialToken());
        assertThat(acceptor.mutualRequested()).isFalse();
        assertThat(ctx.isEstablished()).isTrue();
        acceptor.acceptorSubkey = null;
        acceptor.acceptorSeq = acceptor.initiatorSeq;
        exchange(ctx, acceptor);
        assertThatThrownBy(() -> ctx.acceptToken(new byte[0])).isInstanceOf(GssException.class)
                .extracting(e -> ((GssException) e).error()).isEqualTo(GssError.CONTEXT_STATE);
    }

    /** Sealed, signed and MIC tokens each way, RRC 0 and 28, with the sequence numbers advancing. */
    private static void exchange(Krb5InitiatorContext ctx, TestKrb5Acceptor acceptor) throws Exception {
        long out = acceptor.initiatorSeq;
        long in = acceptor.acceptorSeq;
        byte[] msg = "a message of some length, not a multiple of sixteen".getBytes(StandardCharsets.UTF_8);

        assertThat(acceptor.unwrapFromInitiator(ctx.wrap(msg, true), out++)).isEqualTo(msg);
        assertThat(acceptor.unwrapFromInitiator(ctx.wrap(msg, false), out++)).isEqualTo(msg);
        assertThat(acceptor.unwrapFromInitiator(ctx.wrap(new byte[0], true), out++)).isEmpty();
        acceptor.verifyMicFromInitiator(msg, ctx.getMic(msg), out++);

        for (int rrc : new int[] {0, 28, 12, 1000}) {
            Krb5MessageProtection.Unwrapped sealed = ctx.unwrap(acceptor.wrap(msg, true, rrc, in++));
            assertThat(sealed.data()).isEqualTo(msg);
            assertThat(sealed.confidential()).isTrue();
            Krb5MessageProtection.Unwrapped signed = ctx.unwrap(acceptor.wrap(msg, false, rrc, in++));
            assertThat(signed.data()).isEqualTo(msg);
            assertThat(signed.confidential()).isFalse();
        }
        assertThat(ctx.unwrap(acceptor.wrap(new byte[0], true, 28, in++)).data()).isEmpty();
        ctx.verifyMic(msg, acceptor.mic(msg, in++));
    }

    @Test
    void krbErrorTokenIsATypedError() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        ctx.initialToken();
        byte[] error = TestKrb5Acceptor.krbErrorToken(KrbErrorCode.KRB_AP_ERR_SKEW, "Clock skew too great");
        assertThatThrownBy(() -> ctx.acceptToken(error)).isInstanceOfSatisfying(GssException.class, e -> {
            assertThat(e.error()).isEqualTo(GssError.KRB_ERROR);
            assertThat(e.krbErrorCode()).contains(KrbErrorCode.KRB_AP_ERR_SKEW);
            assertThat(e.getMessage()).contains("KRB_AP_ERR_SKEW").contains("Clock skew too great");
        });
        // a failed context stays failed
        assertThatThrownBy(() -> ctx.wrap(new byte[1], true)).isInstanceOfSatisfying(GssException.class,
                e -> assertThat(e.error()).isEqualTo(GssError.CONTEXT_STATE));
    }

    @Test
    void apRepThatDoesNotEchoOurTimeFailsMutualAuthentication() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        acceptor.cusecDelta = 1;
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        byte[] apRep = acceptor.accept(ctx.initialToken());
        assertError(() -> ctx.acceptToken(apRep), GssError.MUTUAL_AUTH_FAILED);
    }

    @Test
    void apRepUnderAnotherKeyIsBadIntegrity() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        acceptor.encryptReplyWithWrongKey = true;
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        byte[] apRep = acceptor.accept(ctx.initialToken());
        assertError(() -> ctx.acceptToken(apRep), GssError.BAD_INTEGRITY);
    }

    @Test
    void replyWithTheWrongTokenIdOrGarbageIsRejected() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Krb5InitiatorContext a = context(acceptor.issueTicket(), SASL_FLAGS, null);
        byte[] apReq = a.initialToken();
        assertError(() -> a.acceptToken(apReq), GssError.WRONG_TOKEN_ID);

        Krb5InitiatorContext b = context(acceptor.issueTicket(), SASL_FLAGS, null);
        b.initialToken();
        assertError(() -> b.acceptToken(TestKrb5Acceptor.frame(0x0200, new byte[] {0x6f, 0x03, 1, 2, 3})),
                GssError.DEFECTIVE_TOKEN);

        Krb5InitiatorContext c = context(acceptor.issueTicket(), SASL_FLAGS, null);
        c.initialToken();
        assertError(() -> c.acceptToken(new byte[] {0x60}), GssError.DEFECTIVE_TOKEN);
    }

    @Test
    void rc4SessionKeyIsRefused() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.ARCFOUR_HMAC);
        InitiatorTicket ticket = acceptor.issueTicket();
        assertError(() -> context(ticket, SASL_FLAGS, null), GssError.UNSUPPORTED_ENCTYPE);
    }

    @Test
    void perMessageCallsBeforeEstablishmentAreRefused() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), SASL_FLAGS, null);
        assertError(() -> ctx.wrap(new byte[1], true), GssError.CONTEXT_STATE);
        ctx.initialToken();
        assertError(() -> ctx.getMic(new byte[1]), GssError.CONTEXT_STATE);
        assertError(ctx::initialToken, GssError.CONTEXT_STATE);
    }

    @Test
    void sealingNeedsTheConfidentialityFlag() throws Exception {
        TestKrb5Acceptor acceptor = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Krb5InitiatorContext ctx = context(acceptor.issueTicket(), EnumSet.of(ContextFlag.INTEGRITY), null);
        ctx.initialToken();
        assertError(() -> ctx.wrap(new byte[1], true), GssError.CONTEXT_STATE);
        assertThat(ctx.wrap(new byte[1], false)).hasSize(16 + 1 + 12);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertError(Call call, GssError expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GssException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(expected));
    }
}
