package org.bossa.rpc.netlogon.crypto;

import org.bossa.rpc.netlogon.ndr.Authenticator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;
import org.junit.jupiter.api.Test;

/**
 * {@link NetlogonCredentialState#abandonAuthenticator()}: a step the server never saw (the call
 * faulted, as NetrLogonGetCapabilities level 2 does on an old DC) must leave the chain as if it
 * had not been taken, or every later authenticated call on the channel would fail.
 */
class NetlogonCredentialStateAbandonTest {

    private final NetlogonVectors v = NetlogonVectors.named("credentials-ascii");

    @Test
    void theStepAfterAnAbandonedOneIsTheStepThatWouldHaveComeAnyway() throws Exception {
        NetlogonCredentialState abandoning = NetlogonCredentialsTest.established(v);
        NetlogonCredentialState untouched = NetlogonCredentialsTest.established(v);
        long t1 = v.number("auth1_timestamp");

        Authenticator lost = abandoning.nextAuthenticator(Instant.ofEpochSecond(t1 - 100));
        abandoning.abandonAuthenticator();
        Authenticator after = abandoning.nextAuthenticator(Instant.ofEpochSecond(t1));
        Authenticator reference = untouched.nextAuthenticator(Instant.ofEpochSecond(t1));

        assertThat(after).isEqualTo(reference);
        assertThat(after.credential()).isEqualTo(v.hex("auth1_credential")).isNotEqualTo(lost.credential());
        // the server's answer to the first real step verifies, and the chain goes on as in the reference
        abandoning.verifyReturnAuthenticator(v.hex("auth1_return"));
        Authenticator second = abandoning.nextAuthenticator(Instant.ofEpochSecond(v.number("auth2_timestamp")));
        assertThat(second.credential()).isEqualTo(v.hex("auth2_credential"));
        abandoning.verifyReturnAuthenticator(v.hex("auth2_return"));
    }

    @Test
    void anAbandonedStepInTheMiddleOfTheChainLeavesNoTrace() throws Exception {
        NetlogonCredentialState abandoning = NetlogonCredentialsTest.established(v);
        long t1 = v.number("auth1_timestamp");
        long t2 = v.number("auth2_timestamp");
        abandoning.nextAuthenticator(Instant.ofEpochSecond(t1));
        abandoning.verifyReturnAuthenticator(v.hex("auth1_return"));

        abandoning.nextAuthenticator(Instant.ofEpochSecond(t1 + 50));
        abandoning.abandonAuthenticator();

        assertThat(abandoning.nextAuthenticator(Instant.ofEpochSecond(t2)).credential())
                .isEqualTo(v.hex("auth2_credential"));
        abandoning.verifyReturnAuthenticator(v.hex("auth2_return"));
    }

    @Test
    void inTheSameSecondTheTimestampStillGrowsButTheCredentialContinuesTheUnadvancedChain() throws Exception {
        // what CapabilityCheck does: level 2 faults, NetrLogonControl follows within the same second
        NetlogonCredentialState abandoning = NetlogonCredentialsTest.established(v);
        NetlogonCredentialState untouched = NetlogonCredentialsTest.established(v);
        Instant now = Instant.ofEpochSecond(v.number("auth1_timestamp"));

        Authenticator lost = abandoning.nextAuthenticator(now);
        abandoning.abandonAuthenticator();
        Authenticator after = abandoning.nextAuthenticator(now);

        assertThat(after.timestampSeconds()).isGreaterThan(lost.timestampSeconds());
        Authenticator reference = untouched.nextAuthenticator(Instant.ofEpochSecond(after.timestampSeconds()));
        assertThat(after).isEqualTo(reference);
    }

    @Test
    void abandonWithoutAnOutstandingStepIsRefused() throws Exception {
        NetlogonCredentialState fresh = NetlogonCredentialsTest.established(v);
        assertReason(fresh::abandonAuthenticator, Reason.NO_AUTHENTICATOR_OUTSTANDING);
    }

    @Test
    void aVerifiedStepCannotBeAbandonedAndTheChainStaysAdvanced() throws Exception {
        NetlogonCredentialState state = NetlogonCredentialsTest.established(v);
        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp")));
        state.verifyReturnAuthenticator(v.hex("auth1_return"));

        assertReason(state::abandonAuthenticator, Reason.NO_AUTHENTICATOR_OUTSTANDING);
        assertThat(state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth2_timestamp"))).credential())
                .isEqualTo(v.hex("auth2_credential"));
    }

    @Test
    void aStepIsAbandonedAtMostOnce() throws Exception {
        NetlogonCredentialState state = NetlogonCredentialsTest.established(v);
        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp") - 100));
        state.abandonAuthenticator();
        assertReason(state::abandonAuthenticator, Reason.NO_AUTHENTICATOR_OUTSTANDING);
    }

    @Test
    void noReturnAuthenticatorIsExpectedForAnAbandonedStep() throws Exception {
        NetlogonCredentialState state = NetlogonCredentialsTest.established(v);
        state.nextAuthenticator(Instant.ofEpochSecond(v.number("auth1_timestamp")));
        state.abandonAuthenticator();
        // even the answer that step would have had is refused: nothing is outstanding
        assertReason(() -> state.verifyReturnAuthenticator(v.hex("auth1_return")), Reason.NO_AUTHENTICATOR_OUTSTANDING);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertReason(Call call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NetlogonCryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
