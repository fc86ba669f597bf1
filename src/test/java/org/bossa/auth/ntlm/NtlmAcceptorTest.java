package org.bossa.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.bossa.auth.StepResult;
import org.bossa.auth.StepResult.Outcome;
import org.bossa.auth.TestNtlmClient;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

class NtlmAcceptorTest {
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final NtlmAccounts ACCOUNTS = (d, u) -> u.equalsIgnoreCase("alice") ? Optional.of(NtHash.of("pw"))
            : Optional.empty();

    static NtlmAcceptor acceptor(NtlmServerConfig cfg) {
        return new NtlmAcceptor(cfg, new LocalNtlmVerifier(ACCOUNTS, cfg), new Random(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void challengeForADomainMember() throws Exception {
        NtlmServerConfig cfg = new NtlmServerConfig("SAMDOM", "FILESRV", "samdom.example.com", "filesrv.samdom.example.com", false);
        TestNtlmClient client = new TestNtlmClient("alice", "SAMDOM", "pw", 1);
        StepResult r = acceptor(cfg).step(client.negotiate());
        assertThat(r.outcome()).isEqualTo(Outcome.CONTINUE);
        NtlmChallengeMessage ch = NtlmChallengeMessage.decode(r.outputToken());
        int expected = NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.REQUEST_TARGET | NtlmFlags.NEGOTIATE_SIGN
                | NtlmFlags.NEGOTIATE_SEAL | NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_ALWAYS_SIGN
                | NtlmFlags.TARGET_TYPE_DOMAIN | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
                | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_VERSION | NtlmFlags.NEGOTIATE_128
                | NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_56;
        assertThat(NtlmFlags.describe(ch.flags())).isEqualTo(NtlmFlags.describe(expected));
        assertThat(ch.targetName()).isEqualTo("SAMDOM");
        AvPairs info = ch.targetInfo();
        assertThat(info.find(AvPair.MSV_AV_NB_DOMAIN_NAME).orElseThrow().stringValue()).isEqualTo("SAMDOM");
        assertThat(info.find(AvPair.MSV_AV_NB_COMPUTER_NAME).orElseThrow().stringValue()).isEqualTo("FILESRV");
        assertThat(info.find(AvPair.MSV_AV_DNS_DOMAIN_NAME).orElseThrow().stringValue()).isEqualTo("samdom.example.com");
        assertThat(info.find(AvPair.MSV_AV_DNS_COMPUTER_NAME).orElseThrow().stringValue())
                .isEqualTo("filesrv.samdom.example.com");
        byte[] ts = info.find(AvPair.MSV_AV_TIMESTAMP).orElseThrow().value();
        assertThat(NtlmBytes.u64(ts, 0)).isEqualTo(NtlmAcceptor.filetime(NOW)).isEqualTo(133_802_606_450_000_000L);
    }

    @Test
    void standaloneServerAnswersTargetTypeServerAndKeepsOnlyWhatTheClientAsked() throws Exception {
        NtlmServerConfig cfg = new NtlmServerConfig("", "NAS", "", "", false);
        TestNtlmClient client = new TestNtlmClient("alice", "", "pw", 1);
        client.flags = NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.REQUEST_TARGET | NtlmFlags.NEGOTIATE_NTLM
                | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY | NtlmFlags.NEGOTIATE_128;
        NtlmAcceptor a = acceptor(cfg);
        NtlmChallengeMessage ch = NtlmChallengeMessage.decode(a.step(client.negotiate()).outputToken());
        assertThat(NtlmFlags.has(ch.flags(), NtlmFlags.TARGET_TYPE_SERVER)).isTrue();
        assertThat(ch.targetName()).isEqualTo("NAS");
        assertThat(ch.flags() & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_SEAL))
                .isZero();
        client.sendMic = false;
        StepResult done = a.step(client.authenticate(ch.encode()));
        assertThat(done.outcome()).isEqualTo(Outcome.DONE);
        assertThat(a.integrityAvailable()).as("no SIGN negotiated").isFalse();
        assertThat(a.sessionKeys()).isPresent();
    }

    @Test
    void keysExposedAfterSuccessAndMatchTheClients() throws Exception {
        NtlmServerConfig cfg = new NtlmServerConfig("SAMDOM", "FILESRV", "", "", false);
        TestNtlmClient client = new TestNtlmClient("alice", "SAMDOM", "pw", 1);
        NtlmAcceptor a = acceptor(cfg);
        byte[] ch = a.step(client.negotiate()).outputToken();
        assertThat(a.sessionKeys()).isEmpty();
        assertThat(a.step(client.authenticate(ch)).outcome()).isEqualTo(Outcome.DONE);
        NtlmSessionKeys server = a.sessionKeys().orElseThrow();
        assertThat(server.clientSignKey()).isEqualTo(client.keys().clientSignKey());
        assertThat(server.serverSealKey()).isEqualTo(client.keys().serverSealKey());
        assertThat(a.integrityAvailable()).isTrue();
        assertThat(a.mechListMicExpected()).isTrue();
        // Sign from the client, verify at the server and back, over a running sequence.
        NtlmSessionSecurity c = NtlmSessionSecurity.forClient(client.keys());
        NtlmSessionSecurity s = NtlmSessionSecurity.forServer(server);
        for (int i = 0; i < 3; i++) {
            byte[] m = ("message " + i).getBytes();
            assertThat(s.verify(m, c.sign(m))).isTrue();
            assertThat(c.verify(m, s.sign(m))).isTrue();
        }
    }

    @Test
    void authenticateWithoutMicFieldButMicFlagIsInvalidParameter() throws Exception {
        NtlmServerConfig cfg = new NtlmServerConfig("SAMDOM", "FILESRV", "", "", false);
        TestNtlmClient client = new TestNtlmClient("alice", "SAMDOM", "pw", 1);
        NtlmAcceptor a = acceptor(cfg);
        byte[] ch = a.step(client.negotiate()).outputToken();
        byte[] auth = client.authenticate(ch);
        NtlmAuthenticateMessage m = NtlmAuthenticateMessage.decode(auth);
        byte[] withoutMicField = new NtlmAuthenticateMessage(m.flags(), m.lmChallengeResponse(),
                m.ntChallengeResponse(), m.domainName(), m.userName(), m.workstation(),
                m.encryptedRandomSessionKey(), m.version(), null).encode();
        assertThat(a.step(withoutMicField).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void stepsOutOfOrderFail() throws Exception {
        NtlmServerConfig cfg = new NtlmServerConfig("SAMDOM", "FILESRV", "", "", false);
        TestNtlmClient client = new TestNtlmClient("alice", "SAMDOM", "pw", 1);
        NtlmAcceptor a = acceptor(cfg);
        byte[] neg = client.negotiate();
        a.step(neg);
        assertThat(a.step(neg).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(a.step(new byte[0]).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }
}
