package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bossa.rpc.netlogon.LogonChannel;
import org.bossa.rpc.netlogon.NetlogonException;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the shared channel is dropped and how often it is made again, with a scripted DC: a
 * client's failed logon keeps it, a broken channel is rebuilt within the rate limit.
 */
class NetlogonChannelsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedDc dc = new ScriptedDc();

    @ParameterizedTest
    @ValueSource(ints = {0xC000006D /* LOGON_FAILURE */, 0xC0000064 /* NO_SUCH_USER */,
            0xC0000072 /* ACCOUNT_DISABLED */, 0xC000006A /* WRONG_PASSWORD */, 0xC000000D /* INVALID_PARAMETER */})
    void theDcRefusingAUserKeepsTheChannel(int status) throws Exception {
        try (NetlogonChannels channels = channels()) {
            dc.answers.add(refused(status));
            dc.answers.add(refused(status));

            assertThat(channels.logon(logon()).status()).isEqualTo(status);
            assertThat(channels.logon(logon()).status()).isEqualTo(status);

            assertThat(dc.opened).hasSize(1);
            assertThat(dc.opened.get(0).closed).isFalse();
            assertThat(channels.status().dc()).contains("dc1.example.test");
        }
    }

    @Test
    void aFaultAboutTheCallKeepsTheChannel() throws Exception {
        try (NetlogonChannels channels = channels()) {
            NetlogonException fault = new NetlogonException(NetlogonException.Cause.CALL_FAILED,
                    "fault DCERPC_FAULT_BAD_STUB_DATA");
            dc.answers.add(fault);
            dc.answers.add(refused(0xC000006D));

            assertThatThrownBy(() -> channels.logon(logon())).isSameAs(fault);
            assertThat(channels.logon(logon()).status()).isEqualTo(0xC000006D);

            assertThat(dc.opened).hasSize(1);
            assertThat(dc.opened.get(0).closed).isFalse();
            assertThat(dc.opened.get(0).calls).isEqualTo(2);
        }
    }

    @Test
    void aBrokenChannelIsDroppedAndRebuiltAtOnceWhenTheLastAttemptIsOldEnough() throws Exception {
        try (NetlogonChannels channels = channels()) {
            dc.answers.add(refused(0xC000006D));
            channels.logon(logon());
            clock.now = T0.plusSeconds(600);
            dc.answers.add(new NetlogonException(NetlogonException.Cause.UNREACHABLE, "connection reset"));
            dc.answers.add(refused(0xC0000064));

            assertThat(channels.logon(logon()).status()).isEqualTo(0xC0000064);

            assertThat(dc.opened).hasSize(2);
            assertThat(dc.opened.get(0).closed).isTrue();
            assertThat(dc.opened.get(1).closed).isFalse();
            assertThat(channels.status().lastErrorAt()).contains(T0.plusSeconds(600));
        }
    }

    @Test
    void anAccessDeniedFaultDropsTheChannelButTheRebuildWaitsForTheRateLimit() throws Exception {
        try (NetlogonChannels channels = channels()) {
            NetlogonException denied = new NetlogonException(NetlogonException.Cause.ACCESS_DENIED,
                    "fault DCERPC_FAULT_ACCESS_DENIED");
            dc.answers.add(denied);

            // made at T0, broken at T0: no second attempt within the second
            assertThatThrownBy(() -> channels.logon(logon())).isSameAs(denied);
            assertThat(dc.opened).hasSize(1);
            assertThat(dc.opened.get(0).closed).isTrue();

            // meanwhile logons fail at once with the last error, without touching the DC
            clock.now = T0.plusMillis(999);
            assertThatThrownBy(() -> channels.logon(logon())).isSameAs(denied);
            assertThat(dc.opened).hasSize(1);

            clock.now = T0.plusSeconds(1);
            dc.answers.add(refused(0xC000006D));
            assertThat(channels.logon(logon()).status()).isEqualTo(0xC000006D);
            assertThat(dc.opened).hasSize(2);
        }
    }

    @Test
    void whileTheDcKeepsFailingTheGapDoublesUpToTheCap() {
        dc.failSetUp = new NetlogonException(NetlogonException.Cause.UNREACHABLE, "no DC of example.test");
        try (NetlogonChannels channels = channels()) {
            for (int s = 0; s <= 130; s++) {
                clock.now = T0.plusSeconds(s);
                assertThatThrownBy(channels::channel).isInstanceOf(NetlogonException.class);
            }
        }
        assertThat(dc.attemptsAt).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 61L, 91L, 121L);
    }

    @Test
    void aChannelThatBreaksBeforeAnyLogonGoesThroughBacksOffToo() {
        try (NetlogonChannels channels = channels()) {
            for (int s = 0; s <= 20; s++) {
                clock.now = T0.plusSeconds(s);
                dc.answers.add(new NetlogonException(NetlogonException.Cause.PROTOCOL, "seal did not verify"));
                assertThatThrownBy(() -> channels.logon(logon())).isInstanceOf(NetlogonException.class);
                dc.answers.clear();
            }
        }
        // made at 0, broken at 0; made at 1, broken; then 2 s, 4 s, 8 s gaps
        assertThat(dc.attemptsAt).containsExactly(0L, 1L, 3L, 7L, 15L);
    }

    @Test
    void aLogonTheDcAnswersResetsTheBackoff() throws Exception {
        dc.failSetUp = new NetlogonException(NetlogonException.Cause.UNREACHABLE, "no DC");
        try (NetlogonChannels channels = channels()) {
            for (long s : new long[] {0, 1, 3, 7}) {
                clock.now = T0.plusSeconds(s);
                assertThatThrownBy(channels::channel).isInstanceOf(NetlogonException.class);
            }
            dc.failSetUp = null;
            clock.now = T0.plusSeconds(15);
            dc.answers.add(refused(0xC000006D));
            channels.logon(logon());
            // the DC answered: a drop 2 s later is rebuilt at once, not 16 s later
            clock.now = T0.plusSeconds(17);
            dc.answers.add(new NetlogonException(NetlogonException.Cause.UNREACHABLE, "reset"));
            dc.answers.add(refused(0xC000006D));
            assertThat(channels.logon(logon()).status()).isEqualTo(0xC000006D);
        }
        assertThat(dc.attemptsAt).containsExactly(0L, 1L, 3L, 7L, 15L, 17L);
    }

    private NetlogonChannels channels() {
        return new NetlogonChannels(dc, clock, MIN, MAX);
    }

    private static LogonSamLogonEx.Response refused(int status) {
        return new LogonSamLogonEx.Response(Optional.empty(), true, 0, status);
    }

    private static NetworkLogon logon() {
        return new NetworkLogon("EXAMPLE", 0, 0, "alice", "WS1", new byte[8], new byte[44], new byte[24]);
    }

    /** Opens channels that answer from one shared script; records when each was opened. */
    private final class ScriptedDc implements NetlogonChannels.Opener {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<FakeChannel> opened = new ArrayList<>();
        final List<Long> attemptsAt = new ArrayList<>();
        NetlogonException failSetUp;

        @Override
        public LogonChannel open() throws NetlogonException {
            attemptsAt.add(Duration.between(T0, clock.now).toSeconds());
            if (failSetUp != null) {
                throw failSetUp;
            }
            FakeChannel c = new FakeChannel(this, clock.now);
            opened.add(c);
            return c;
        }
    }

    private static final class FakeChannel implements LogonChannel {
        private final ScriptedDc dc;
        private final Instant at;
        boolean closed;
        int calls;

        FakeChannel(ScriptedDc dc, Instant at) {
            this.dc = dc;
            this.at = at;
        }

        @Override
        public LogonSamLogonEx.Response samLogon(NetworkLogon logon) throws NetlogonException {
            calls++;
            if (closed) {
                throw new AssertionError("logon on a closed channel");
            }
            Object a = dc.answers.poll();
            if (a instanceof NetlogonException e) {
                throw e;
            }
            if (a == null) {
                throw new AssertionError("no answer scripted");
            }
            return (LogonSamLogonEx.Response) a;
        }

        @Override
        public String dcHostName() {
            return "dc1.example.test";
        }

        @Override
        public int negotiatedFlags() {
            return 0x610ffffb;
        }

        @Override
        public String capabilityCheck() {
            return "scripted";
        }

        @Override
        public Instant establishedAt() {
            return at;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
