package org.bossa.rpc.netlogon.crypto;

import org.bossa.rpc.netlogon.ndr.Authenticator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Session key, credentials and the authenticator chain against netlogon_vectors.py (MS-NRPC 3.1.4). */
class NetlogonCredentialsTest {

    /** What a Windows or Samba DC answers a client proposing the AD flag set with AES: 0x612fffff. */
    private static final int NEGOTIATED = 0x612FFFFF;

    @ParameterizedTest
    @ValueSource(strings = {"credentials-ascii", "credentials-unicode"})
    void sessionKeyAndCredentialsMatchTheReference(String name) throws Exception {
        NetlogonVectors v = NetlogonVectors.named(name);
        String password = new String(v.hex("password_utf8_hex"), StandardCharsets.UTF_8);
        assertThat(NetlogonCredentialHandshake.ntHash(password)).isEqualTo(v.hex("nt_hash"));

        NetlogonCredentialHandshake fromPassword = NetlogonCredentialHandshake.fromPassword(password,
                v.hex("client_challenge"), v.hex("server_challenge"));
        NetlogonCredentialHandshake fromHash = NetlogonCredentialHandshake.fromNtHash(v.hex("nt_hash"),
                v.hex("client_challenge"), v.hex("server_challenge"));
        for (NetlogonCredentialHandshake h : new NetlogonCredentialHandshake[] {fromPassword, fromHash}) {
            assertThat(h.clientCredential()).isEqualTo(v.hex("client_credential"));
            assertThat(h.expectedServerCredential()).isEqualTo(v.hex("server_credential"));
            NetlogonCredentialState state = h.complete(v.hex("server_credential"), NEGOTIATED);
            assertThat(state.sessionKey()).isEqualTo(v.hex("session_key"));
            assertThat(state.negotiatedFlags()).isEqualTo(NEGOTIATED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"credentials-ascii", "credentials-unicode"})
    void authenticatorChainMatchesTheReference(String name) throws Exception {
        NetlogonVectors v = NetlogonVectors.named(name);
        NetlogonCredentialState state = established(v);
        for (int i = 1; i <= 2; i++) {
            long t = v.number("auth" + i + "_timestamp");
            Authenticator a = state.nextAuthenticator(Instant.ofEpochSecond(t));
            assertThat(a.timestampSeconds()).isEqualTo(t);
            assertThat(a.credential()).isEqualTo(v.hex("auth" + i + "_credential"));
            state.verifyReturnAuthenticator(v.hex("auth" + i + "_return"));
        }
    }

    @Test
    void aChannelWithoutAesIsRefused() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        NetlogonCredentialHandshake h = handshake(v);
        // the flag set of a pre-2022 DC offering only RC4 (0x4) and strong keys (0x4000)
        assertThatThrownBy(() -> h.complete(v.hex("server_credential"), NEGOTIATED & ~NetlogonCredentialHandshake.NEG_SUPPORTS_AES))
                .isInstanceOfSatisfying(NetlogonCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AES_NOT_NEGOTIATED));
    }

    @Test
    void aServerCredentialOffByOneBitIsRefused() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        for (int bit = 0; bit < 64; bit += 7) {
            byte[] forged = v.hex("server_credential");
            forged[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> handshake(v).complete(forged, NEGOTIATED))
                    .isInstanceOfSatisfying(NetlogonCryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_CREDENTIAL_MISMATCH));
        }
    }

    @Test
    void aWrongPasswordGivesOtherCredentials() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        NetlogonCredentialHandshake wrong = NetlogonCredentialHandshake.fromPassword("Machine!Passw0rd-2",
                v.hex("client_challenge"), v.hex("server_challenge"));
        assertThat(wrong.clientCredential()).isNotEqualTo(v.hex("client_credential"));
        assertThatThrownBy(() -> wrong.complete(v.hex("server_credential"), NEGOTIATED))
                .isInstanceOfSatisfying(NetlogonCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_CREDENTIAL_MISMATCH));
    }

    @Test
    void inputsOfTheWrongLengthAreTypedFailures() {
        byte[] hash = new byte[16];
        byte[] eight = new byte[8];
        assertBadLength(() -> NetlogonCredentialHandshake.fromNtHash(new byte[15], eight, eight));
        assertBadLength(() -> NetlogonCredentialHandshake.fromNtHash(hash, new byte[7], eight));
        assertBadLength(() -> NetlogonCredentialHandshake.fromNtHash(hash, eight, new byte[9]));
        assertBadLength(() -> NetlogonCredentialHandshake.fromNtHash(hash, null, eight));
        assertBadLength(() -> NetlogonCredentialHandshake.fromNtHash(hash, eight, eight).complete(new byte[7], NEGOTIATED));
        assertBadLength(() -> {
            NetlogonCredentialState s = established(NetlogonVectors.named("credentials-ascii"));
            s.nextAuthenticator();
            s.verifyReturnAuthenticator(new byte[0]);
        });
    }

    @Test
    void aForgedOrMissingReturnAuthenticatorIsRefused() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        NetlogonCredentialState state = established(v);
        assertReason(() -> state.verifyReturnAuthenticator(v.hex("auth1_return")), Reason.NO_AUTHENTICATOR_OUTSTANDING);

        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp")));
        byte[] forged = v.hex("auth1_return");
        forged[7] ^= 0x01;
        assertReason(() -> state.verifyReturnAuthenticator(forged), Reason.RETURN_AUTHENTICATOR_MISMATCH);
        // the expectation is used up by a check, successful or not: a replayed answer does not pass
        assertReason(() -> state.verifyReturnAuthenticator(v.hex("auth1_return")), Reason.NO_AUTHENTICATOR_OUTSTANDING);
    }

    @Test
    void aReturnAuthenticatorOfAnEarlierCallDoesNotPass() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        NetlogonCredentialState state = established(v);
        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp")));
        state.verifyReturnAuthenticator(v.hex("auth1_return"));
        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth2_timestamp")));
        assertReason(() -> state.verifyReturnAuthenticator(v.hex("auth1_return")), Reason.RETURN_AUTHENTICATOR_MISMATCH);
    }

    @Test
    void timestampsGrowEvenWhenTheClockStandsStillOrStepsBack() throws Exception {
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        Instant t = Instant.ofEpochSecond(1_700_000_000L);
        long first = state.nextAuthenticator(t).timestampSeconds();
        long second = state.nextAuthenticator(t).timestampSeconds();
        long third = state.nextAuthenticator(t.minusSeconds(3600)).timestampSeconds();
        long fourth = state.nextAuthenticator(t.plusSeconds(60)).timestampSeconds();
        assertThat(first).isEqualTo(1_700_000_000L);
        assertThat(second).isEqualTo(first + 2);
        assertThat(third).isEqualTo(second + 2);
        assertThat(fourth).isEqualTo(1_700_000_060L);
    }

    @Test
    void successiveAuthenticatorsDiffer() throws Exception {
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        Instant t = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(state.nextAuthenticator(t).credential()).isNotEqualTo(state.nextAuthenticator(t).credential());
    }

    @Test
    void trustPasswordMatchesTheReference() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("trust-password");
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        FixedRandom fill = new FixedRandom(v.hex("fill"));
        byte[] encrypted = state.encryptTrustPassword(v.text("password"), fill);
        assertThat(encrypted).hasSize(516).isEqualTo(v.hex("encrypted"));
        assertThat(fill.consumed()).isEqualTo(516);

        byte[] plain = encrypted.clone();
        NetlogonAes.cfb8Decrypt(v.hex("session_key"), new byte[16], plain, 0, plain.length);
        assertThat(plain).isEqualTo(v.hex("plain"));
        int length = plain[512] & 0xFF | (plain[513] & 0xFF) << 8;
        assertThat(new String(plain, 512 - length, length, StandardCharsets.UTF_16LE)).isEqualTo(v.text("password"));
    }

    @Test
    void trustPasswordLengthLimits() throws Exception {
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        assertThat(state.encryptTrustPassword("x".repeat(256), new java.security.SecureRandom())).hasSize(516);
        assertReason(() -> state.encryptTrustPassword("x".repeat(257), new java.security.SecureRandom()),
                Reason.BAD_PASSWORD_LENGTH);
        assertReason(() -> state.encryptTrustPassword("", new java.security.SecureRandom()), Reason.BAD_PASSWORD_LENGTH);
    }

    @Test
    void validationKeysDecryptAndZeroKeysStayZero() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("validation-key");
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        assertThat(state.decryptValidationKey(v.hex("encrypted"))).isEqualTo(v.hex("plain"));
        assertThat(state.decryptValidationKey(new byte[16])).isEqualTo(new byte[16]);
    }

    @Test
    void aDestroyedStateCannotBeUsed() throws Exception {
        NetlogonCredentialState state = established(NetlogonVectors.named("credentials-ascii"));
        state.destroy();
        assertThatThrownBy(state::nextAuthenticator).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(state::sessionKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringsLeakNoSecrets() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("credentials-ascii");
        NetlogonCredentialState state = established(v);
        Authenticator a = state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp")));
        assertThat(state.toString()).doesNotContain(v.text("session_key"));
        assertThat(a.toString()).doesNotContain(v.text("auth1_credential")).contains("1700000000");
    }

    static NetlogonCredentialState established(NetlogonVectors v) throws NetlogonCryptoException {
        return handshake(v).complete(v.hex("server_credential"), NEGOTIATED);
    }

    private static NetlogonCredentialHandshake handshake(NetlogonVectors v) throws NetlogonCryptoException {
        return NetlogonCredentialHandshake.fromNtHash(v.hex("nt_hash"), v.hex("client_challenge"),
                v.hex("server_challenge"));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertBadLength(Call call) {
        assertReason(call, Reason.BAD_LENGTH);
    }

    private static void assertReason(Call call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NetlogonCryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
