package org.bossa.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bossa.domain.NetlogonChannels;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.LogonChannel;
import org.bossa.rpc.netlogon.NetlogonException;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.bossa.rpc.netlogon.ndr.ValidationInfo;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

/**
 * A validation the DC marks LOGON_GUEST is refused unless guest access is configured, and a fault
 * about one logon is a LOGON_FAILURE for that client, not a missing logon server.
 */
class NetlogonGuestLogonTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1111111111-2222222222-3333333333");

    private final List<NetworkLogon> sent = new ArrayList<>();

    @Test
    void aGuestValidationIsRefusedByDefault() {
        NtlmVerification v = verify(false, answer(ValidationInfo.USER_FLAG_GUEST | ValidationInfo.USER_FLAG_EXTRA_SIDS));

        assertThat(v.status()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(v.user()).isNull();
        assertThat(sent.get(0).parameterControl() & NetworkLogon.MSV1_0_DONT_TRY_GUEST_ACCOUNT)
                .as("the DC is asked not to fall back to Guest").isNotZero();
    }

    @Test
    void aGuestValidationIsAcceptedWhenGuestAccessIsConfigured() {
        NtlmVerification v = verify(true, answer(ValidationInfo.USER_FLAG_GUEST));

        assertThat(v.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(v.user()).isNotNull();
        assertThat(sent.get(0).parameterControl() & NetworkLogon.MSV1_0_DONT_TRY_GUEST_ACCOUNT).isZero();
    }

    @Test
    void anOrdinaryValidationIsAcceptedWithGuestAccessOff() {
        NtlmVerification v = verify(false, answer(ValidationInfo.USER_FLAG_EXTRA_SIDS));

        assertThat(v.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(v.user()).isNotNull();
    }

    @Test
    void aFaultAboutTheCallIsALogonFailureNotANoLogonServers() {
        NtlmVerification v = verify(false, new NetlogonException(NetlogonException.Cause.CALL_FAILED,
                "fault DCERPC_FAULT_BAD_STUB_DATA"));

        assertThat(v.status()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void aBrokenChannelIsNoLogonServers() {
        NtlmVerification v = verify(false, new NetlogonException(NetlogonException.Cause.UNREACHABLE, "reset"));

        assertThat(v.status()).isEqualTo(NtStatus.NO_LOGON_SERVERS);
    }

    private NtlmVerification verify(boolean allowGuest, Object answer) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        try (NetlogonChannels channels = new NetlogonChannels(() -> new OneAnswer(answer), clock, Duration.ofSeconds(1),
                Duration.ofSeconds(30))) {
            NtlmAuthenticateMessage auth = new NtlmAuthenticateMessage(0xE2088215, new byte[24], new byte[44],
                    "EXAMPLE", "nobody\r\nforged", "WS1", new byte[0], null, null);
            return new NetlogonNtlmVerifier(channels, allowGuest).verify(auth, new byte[8], new byte[44]);
        }
    }

    private static LogonSamLogonEx.Response answer(int userFlags) {
        ValidationInfo v = new ValidationInfo(6, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, Long.MAX_VALUE, "Guest", "",
                "", "", "", "", 0, 0, 501, 514, List.of(new GroupMembership(514, 7)), userFlags, new byte[16], "DC1",
                "EXAMPLE", DOMAIN, new byte[8], 0x210, 0, 0, 0, 0, 0, List.of(), "example.test", "");
        return new LogonSamLogonEx.Response(Optional.of(v), true, 0, 0);
    }

    /** A channel whose DC answers every logon the same way, recording what was sent. */
    private final class OneAnswer implements LogonChannel {
        private final Object answer;

        OneAnswer(Object answer) {
            this.answer = answer;
        }

        @Override
        public LogonSamLogonEx.Response samLogon(NetworkLogon logon) throws NetlogonException {
            sent.add(logon);
            if (answer instanceof NetlogonException e) {
                throw e;
            }
            return (LogonSamLogonEx.Response) answer;
        }

        @Override
        public String dcHostName() {
            return "dc1.example.test";
        }

        @Override
        public int negotiatedFlags() {
            return 0;
        }

        @Override
        public String capabilityCheck() {
            return "";
        }

        @Override
        public Instant establishedAt() {
            return Instant.EPOCH;
        }

        @Override
        public void close() {
        }
    }
}
