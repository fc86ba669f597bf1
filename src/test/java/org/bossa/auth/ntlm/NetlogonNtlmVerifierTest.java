package org.bossa.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bossa.domain.ComputerName;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.NetlogonChannels;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DC's logon statuses as the client sees them, and a member whose DC cannot be reached. */
class NetlogonNtlmVerifierTest {

    @ParameterizedTest
    @ValueSource(ints = {0xC000006A /* WRONG_PASSWORD */, 0xC0000064 /* NO_SUCH_USER */})
    void aWrongPasswordOrUnknownUserIsALogonFailure(int dcStatus) {
        assertThat(NetlogonNtlmVerifier.clientStatus(dcStatus)).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC0000072, 0xC0000234, 0xC0000071, 0xC0000224, 0xC000006E, 0xC000006F, 0xC0000070})
    void accountStatesPassThroughAsTheDcSaidThem(int dcStatus) {
        NtStatus status = NetlogonNtlmVerifier.clientStatus(dcStatus);
        assertThat(status.code()).isEqualTo(dcStatus);
        assertThat(status).isIn(NtStatus.ACCOUNT_DISABLED, NtStatus.ACCOUNT_LOCKED_OUT, NtStatus.PASSWORD_EXPIRED,
                NtStatus.PASSWORD_MUST_CHANGE, NtStatus.ACCOUNT_RESTRICTION, NtStatus.INVALID_LOGON_HOURS,
                NtStatus.INVALID_WORKSTATION);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC0DEC0DE, 0xC0000001 /* UNSUCCESSFUL */, 0xC0000022 /* ACCESS_DENIED */})
    void anythingElseIsALogonFailure(int dcStatus) {
        assertThat(NetlogonNtlmVerifier.clientStatus(dcStatus)).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void withNoReachableDcTheLogonFailsWithNoLogonServersAndIsNotRetriedAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<DomainMembership> membership = () -> {
            attempts.incrementAndGet();
            return membership();
        };
        // a fixed clock: the second logon is always within NetlogonChannels.RETRY of the first failure
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        try (NetlogonChannels channels = new NetlogonChannels(settings(), membership, clock, 2)) {
            NetlogonNtlmVerifier verifier = new NetlogonNtlmVerifier(channels);

            NtlmVerification first = verifier.verify(authenticate(), challenge(), ntlmv2Response());
            assertThat(first.status()).isEqualTo(NtStatus.NO_LOGON_SERVERS);
            assertThat(first.user()).isNull();
            assertThat(attempts).hasValue(1);
            NetlogonChannels.Status afterFirst = channels.status();
            assertThat(afterFirst.lastError()).isPresent();
            assertThat(afterFirst.dc()).isEmpty();
            assertThat(afterFirst.aesSealed()).isFalse();

            NtlmVerification second = verifier.verify(authenticate(), challenge(), ntlmv2Response());
            assertThat(second.status()).isEqualTo(NtStatus.NO_LOGON_SERVERS);
            assertThat(attempts).as("no new attempt within the retry interval").hasValue(1);
            NetlogonChannels.Status afterSecond = channels.status();
            assertThat(afterSecond.lastError()).isEqualTo(afterFirst.lastError());
            assertThat(afterSecond.lastErrorAt()).isEqualTo(afterFirst.lastErrorAt());
        }
    }

    @Test
    void afterTheRetryIntervalANewAttemptIsMade() {
        AtomicInteger attempts = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (NetlogonChannels channels = new NetlogonChannels(settings(), () -> {
            attempts.incrementAndGet();
            return membership();
        }, clock, 2)) {
            NetlogonNtlmVerifier verifier = new NetlogonNtlmVerifier(channels);
            assertThat(verifier.verify(authenticate(), challenge(), ntlmv2Response()).status())
                    .isEqualTo(NtStatus.NO_LOGON_SERVERS);
            clock.now = clock.now.plus(NetlogonChannels.RETRY);
            assertThat(verifier.verify(authenticate(), challenge(), ntlmv2Response()).status())
                    .isEqualTo(NtStatus.NO_LOGON_SERVERS);
            assertThat(attempts).hasValue(2);
            assertThat(channels.status().lastErrorAt()).contains(clock.now);
        }
    }

    /** 127.0.0.9: a loopback address nothing listens on, so the DC locator's ping finds no DC. */
    private static DomainSettings settings() {
        return new DomainSettings("EXAMPLE.TEST", Optional.of("EXAMPLE"), new ComputerName("NLTEST1", "example.test"),
                List.of("127.0.0.9"), List.of(), Path.of("/nonexistent/krb5.keytab"), DomainSettings.LdapProtection.SASL,
                Optional.empty(), false, Optional.empty());
    }

    private static DomainMembership membership() {
        return new DomainMembership("EXAMPLE.TEST", "example.test", "EXAMPLE", "S-1-5-21-1-2-3",
                new ComputerName("NLTEST1", "example.test"), "CN=NLTEST1,CN=Computers,DC=example,DC=test", 2, 0x18,
                "Machine!Passw0rd-1", Optional.empty(), Path.of("/nonexistent/krb5.keytab"), "127.0.0.9", "",
                Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"));
    }

    private static NtlmAuthenticateMessage authenticate() {
        return new NtlmAuthenticateMessage(0xE2088215, new byte[24], ntlmv2Response(), "EXAMPLE", "alice", "WS1",
                new byte[0], null, null);
    }

    private static byte[] challenge() {
        return new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
    }

    /** An NTProofStr and a minimal client blob; its value does not matter when no DC answers. */
    private static byte[] ntlmv2Response() {
        byte[] r = new byte[16 + 28];
        r[16] = 1;
        r[17] = 1;
        return r;
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
