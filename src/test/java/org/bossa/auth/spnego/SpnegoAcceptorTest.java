package org.bossa.auth.spnego;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.Mechanism;
import org.bossa.auth.MechanismContext;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.StepResult;
import org.bossa.auth.StepResult.Outcome;
import org.bossa.auth.TestNtlmClient;
import org.bossa.auth.TestSpnegoClient;
import org.bossa.auth.ntlm.LocalNtlmVerifier;
import org.bossa.auth.ntlm.NtHash;
import org.bossa.auth.ntlm.NtlmAcceptor;
import org.bossa.auth.ntlm.NtlmAccounts;
import org.bossa.auth.ntlm.NtlmMechanism;
import org.bossa.auth.ntlm.NtlmServerConfig;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

/** Full exchanges between the test initiators and the SPNEGO/NTLMSSP acceptor. */
class SpnegoAcceptorTest {
    static final NtlmServerConfig CONFIG = new NtlmServerConfig("SAMDOM", "FILESRV", "samdom.example.com",
            "filesrv.samdom.example.com", false);
    static final Map<String, String> PASSWORDS = Map.of("alice", "Secret#1", "bob", "hunter2");
    static final NtlmAccounts ACCOUNTS = (domain, user) -> PASSWORDS.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(user)).findFirst().map(e -> NtHash.of(e.getValue()));

    static SpnegoContextFactory factory(NtlmServerConfig cfg) {
        return new SpnegoContextFactory(List.of(new TestableNtlm(cfg)));
    }

    /** NTLMSSP with a fixed clock and seeded challenges, so failures reproduce. */
    record TestableNtlm(NtlmServerConfig cfg) implements Mechanism {
        @Override
        public String name() {
            return "ntlm";
        }

        @Override
        public List<String> oids() {
            return List.of(NtlmMechanism.OID);
        }

        @Override
        public boolean recognizesRawToken(byte[] token) {
            return new NtlmMechanism(cfg, null).recognizesRawToken(token);
        }

        @Override
        public MechanismContext newContext() {
            return new NtlmAcceptor(cfg, new LocalNtlmVerifier(ACCOUNTS, cfg), new Random(7),
                    Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC));
        }
    }

    static TestSpnegoClient client(String user, String password) {
        return new TestSpnegoClient(new TestNtlmClient(user, "SAMDOM", password, 42));
    }

    @Test
    void negotiateTokenIsNegTokenInit2WithNtlmAndTheIgnoreHint() throws Exception {
        byte[] token = factory(CONFIG).negotiateToken();
        NegTokenInit2 init2 = NegTokenInit2.decodeInitialToken(token);
        assertThat(init2.mechTypes()).containsExactly(Oid.NTLMSSP);
        assertThat(init2.hintName()).isEqualTo("not_defined_in_RFC4178@please_ignore");
        // Kerberos will list its two OIDs before NTLMSSP.
        Mechanism krb = fakeMech(List.of(Oid.MS_KRB5.dotted(), Oid.KRB5.dotted()));
        byte[] both = new SpnegoContextFactory(List.of(krb, new TestableNtlm(CONFIG))).negotiateToken();
        assertThat(NegTokenInit2.decodeInitialToken(both).mechTypes())
                .containsExactly(Oid.MS_KRB5, Oid.KRB5, Oid.NTLMSSP);
    }

    @Test
    void fullExchangeWithMicAndMechListMic() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        SecurityContext ctx = factory(CONFIG).newContext();

        StepResult r1 = ctx.step(c.init());
        assertThat(r1.outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(r1.status()).isEqualTo(NtStatus.MORE_PROCESSING_REQUIRED);
        NegTokenResp resp1 = NegTokenResp.decode(r1.outputToken());
        assertThat(resp1.negState()).isEqualTo(NegState.ACCEPT_INCOMPLETE);
        assertThat(resp1.supportedMech()).isEqualTo(Oid.NTLMSSP);
        assertThat(resp1.responseToken()).startsWith("NTLMSSP\0".getBytes());

        StepResult r2 = ctx.step(c.authenticate(r1.outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.DONE);
        assertThat(r2.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(r2.user()).isEqualTo(new AuthenticatedUser("SAMDOM", "alice", false));
        assertThat(r2.sessionKey()).isEqualTo(c.ntlm.keys().exportedSessionKey());
        NegTokenResp resp2 = NegTokenResp.decode(r2.outputToken());
        assertThat(resp2.negState()).isEqualTo(NegState.ACCEPT_COMPLETED);
        assertThat(resp2.supportedMech()).isNull();
        assertThat(c.serverMicValid(r2.outputToken())).isTrue();

        // Finished: any further token is refused.
        assertThat(ctx.step(new byte[0]).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void userNameIsCaseInsensitiveAndDomainVariantsAreTried() throws Exception {
        for (String domain : List.of("SAMDOM", "samdom", "", "FILESRV", "WORKGROUP")) {
            TestSpnegoClient c = new TestSpnegoClient(new TestNtlmClient("ALICE", domain, "Secret#1", 1));
            SecurityContext ctx = factory(CONFIG).newContext();
            StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
            assertThat(r2.outcome()).as(domain).isEqualTo(Outcome.DONE);
        }
    }

    @Test
    void wrongPasswordIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("alice", "wrong");
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r2.status()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(r2.user()).isNull();
        assertThat(r2.sessionKey()).isNull();
    }

    @Test
    void unknownUserIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("mallory", "Secret#1");
        SecurityContext ctx = factory(CONFIG).newContext();
        assertThat(ctx.step(c.authenticate(ctx.step(c.init()).outputToken())).status())
                .isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void tamperedNtlmMicIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.ntlm.tamperMic = true;
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r2.status()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void tamperedMechListMicIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.tamperMechListMic = true;
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r2.status()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void serverSendsItsMicFirstWhenTheClientHasNotYet() throws Exception {
        // NTLM MIC present, but no mechListMIC with AUTHENTICATE: Samba answers accept-incomplete + its MIC
        // and waits for the client's.
        TestSpnegoClient c = client("alice", "Secret#1");
        c.sendMechListMic = false;
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(TestSpnegoClient.state(r2.outputToken())).isEqualTo(NegState.ACCEPT_INCOMPLETE);
        assertThat(c.serverMicValid(r2.outputToken())).isTrue();

        StepResult r3 = ctx.step(c.micOnly());
        assertThat(r3.outcome()).isEqualTo(Outcome.DONE);
        assertThat(TestSpnegoClient.state(r3.outputToken())).isEqualTo(NegState.ACCEPT_COMPLETED);
        assertThat(NegTokenResp.decode(r3.outputToken()).mechListMic()).isNull();
    }

    @Test
    void missingMicInTheExtraRoundIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.sendMechListMic = false;
        SecurityContext ctx = factory(CONFIG).newContext();
        ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        StepResult r3 = ctx.step(new NegTokenResp(null, null, null, null).encode());
        assertThat(r3.status()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void oldClientWithoutAnyMicCompletesWithoutMechListMic() throws Exception {
        TestSpnegoClient c = client("bob", "hunter2");
        c.ntlm.sendMic = false;
        c.sendMechListMic = false;
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r2 = ctx.step(c.authenticate(ctx.step(c.init()).outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.DONE);
        NegTokenResp resp = NegTokenResp.decode(r2.outputToken());
        assertThat(resp.negState()).isEqualTo(NegState.ACCEPT_COMPLETED);
        assertThat(resp.mechListMic()).isNull();
    }

    @Test
    void clientPreferringKerberosIsDowngradedWithRequestMic() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.mechTypes = List.of(Oid.MS_KRB5, Oid.KRB5, Oid.NTLMSSP);
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r1 = ctx.step(c.init());
        assertThat(r1.outcome()).isEqualTo(Outcome.CONTINUE);
        NegTokenResp resp1 = NegTokenResp.decode(r1.outputToken());
        assertThat(resp1.negState()).isEqualTo(NegState.REQUEST_MIC);
        assertThat(resp1.supportedMech()).isEqualTo(Oid.NTLMSSP);
        assertThat(resp1.responseToken()).as("no token for a mechanism the client has not started").isNull();

        StepResult challenge = ctx.step(c.negotiateAfterDowngrade(r1.outputToken()));
        assertThat(challenge.outcome()).isEqualTo(Outcome.CONTINUE);
        NegTokenResp resp2 = NegTokenResp.decode(challenge.outputToken());
        assertThat(resp2.responseToken()).startsWith("NTLMSSP\0".getBytes());
        assertThat(resp2.supportedMech()).as("supportedMech only in the first reply").isNull();

        StepResult r2 = ctx.step(c.authenticate(challenge.outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.DONE);
        assertThat(c.serverMicValid(r2.outputToken())).isTrue();
    }

    @Test
    void downgradeWithoutMechListMicIsNotAccepted() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.mechTypes = List.of(Oid.KRB5, Oid.NTLMSSP);
        c.sendMechListMic = false;
        c.ntlm.sendMic = false;
        SecurityContext ctx = factory(CONFIG).newContext();
        byte[] challenge = ctx.step(c.negotiateAfterDowngrade(ctx.step(c.init()).outputToken())).outputToken();
        StepResult r2 = ctx.step(c.authenticate(challenge));
        assertThat(r2.outcome()).as("the server waits for the client's MIC").isEqualTo(Outcome.CONTINUE);
        assertThat(ctx.step(new NegTokenResp(null, null, null, null).encode()).status())
                .isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void rawNtlmsspWithoutSpnego() throws Exception {
        TestNtlmClient n = new TestNtlmClient("alice", "SAMDOM", "Secret#1", 3);
        SecurityContext ctx = factory(CONFIG).newContext();
        StepResult r1 = ctx.step(n.negotiate());
        assertThat(r1.outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(r1.outputToken()).startsWith("NTLMSSP\0".getBytes());
        StepResult r2 = ctx.step(n.authenticate(r1.outputToken()));
        assertThat(r2.outcome()).isEqualTo(Outcome.DONE);
        assertThat(r2.outputToken()).isEmpty();
        assertThat(r2.sessionKey()).isEqualTo(n.keys().exportedSessionKey());
    }

    @Test
    void emptyFirstTokenGetsTheNegotiateToken() {
        SpnegoContextFactory f = factory(CONFIG);
        StepResult r = f.newContext().step(new byte[0]);
        assertThat(r.outcome()).isEqualTo(Outcome.CONTINUE);
        assertThat(r.outputToken()).isEqualTo(f.negotiateToken());
    }

    @Test
    void anonymousRefusedUnlessAllowed() throws Exception {
        TestSpnegoClient c = client("", "");
        c.ntlm.anonymous = true;
        SecurityContext ctx = factory(CONFIG).newContext();
        assertThat(ctx.step(c.authenticateAnonymous(ctx.step(c.init()).outputToken())).status())
                .isEqualTo(NtStatus.LOGON_FAILURE);

        NtlmServerConfig open = new NtlmServerConfig("SAMDOM", "FILESRV", "", "", true);
        TestSpnegoClient c2 = client("", "");
        c2.ntlm.anonymous = true;
        SecurityContext ctx2 = factory(open).newContext();
        StepResult r = ctx2.step(c2.authenticateAnonymous(ctx2.step(c2.init()).outputToken()));
        assertThat(r.outcome()).isEqualTo(Outcome.DONE);
        assertThat(r.user().anonymous()).isTrue();
        assertThat(r.sessionKey()).hasSize(16);
        assertThat(NegTokenResp.decode(r.outputToken()).mechListMic()).isNull();
    }

    @Test
    void ntlmV1ResponseIsLogonFailure() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        c.ntlm.ntlmV1 = true;
        c.ntlm.sendMic = false;
        c.sendMechListMic = false;
        SecurityContext ctx = factory(CONFIG).newContext();
        assertThat(ctx.step(c.authenticate(ctx.step(c.init()).outputToken())).status())
                .isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void onlyUnknownMechanismsIsInvalidParameter() {
        byte[] init = new NegTokenInit(List.of(Oid.KRB5), new byte[] {1, 2, 3}).encodeInitialToken();
        StepResult r = factory(CONFIG).newContext().step(init);
        assertThat(r.status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    // ---- hostile input: never an exception, always FAILED with INVALID_PARAMETER or LOGON_FAILURE ----

    static void assertCleanFailure(StepResult r, String what) {
        assertThat(r.outcome()).as(what).isEqualTo(Outcome.FAILED);
        assertThat(r.status()).as(what).isIn(NtStatus.INVALID_PARAMETER, NtStatus.LOGON_FAILURE);
    }

    @Test
    void truncatedFirstTokens() {
        byte[] init = client("alice", "Secret#1").init();
        for (int len = 1; len < init.length; len++) {
            assertCleanFailure(factory(CONFIG).newContext().step(Arrays.copyOf(init, len)), "init[0.." + len + ")");
        }
    }

    @Test
    void truncatedSecondTokens() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        SecurityContext probe = factory(CONFIG).newContext();
        byte[] first = c.init();
        byte[] second = c.authenticate(probe.step(first).outputToken());
        for (int len = 0; len < second.length; len++) {
            SecurityContext ctx = factory(CONFIG).newContext();
            ctx.step(first);
            assertCleanFailure(ctx.step(Arrays.copyOf(second, len)), "auth[0.." + len + ")");
        }
    }

    @Test
    void bitFlipsAnywhereInTheSecondToken() throws Exception {
        TestSpnegoClient c = client("alice", "Secret#1");
        byte[] first = c.init();
        byte[] second = c.authenticate(factory(CONFIG).newContext().step(first).outputToken());
        for (int i = 0; i < second.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] t = second.clone();
                t[i] ^= (byte) bit;
                SecurityContext ctx = factory(CONFIG).newContext();
                ctx.step(first);
                StepResult r = ctx.step(t);
                assertThat(r.outcome()).as("flip at %d", i).isIn(Outcome.FAILED, Outcome.DONE);
                if (r.outcome() == Outcome.FAILED) {
                    assertCleanFailure(r, "flip at " + i);
                } else {
                    // Only bits nothing checks may flip without harm (e.g. MaxLen of a field); the keys still agree.
                    assertThat(r.sessionKey()).isEqualTo(c.ntlm.keys().exportedSessionKey());
                }
            }
        }
    }

    @Test
    void garbage() {
        Random rnd = new Random(99);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(300)];
            rnd.nextBytes(b);
            if (b.length > 0 && i % 3 == 0) {
                b[0] = (byte) 0x60;
            }
            if (b.length > 0 && i % 3 == 1) {
                b[0] = (byte) 0xA1;
            }
            inputs.add(b);
        }
        inputs.add("NTLMSSP\0".getBytes());
        inputs.add(new byte[70_000]);
        for (byte[] b : inputs) {
            if (b.length == 0) {
                continue;
            }
            assertCleanFailure(factory(CONFIG).newContext().step(b), "garbage");
        }
    }

    @Test
    void lyingOffsetsInAuthenticate() throws Exception {
        TestNtlmClient n = new TestNtlmClient("alice", "SAMDOM", "Secret#1", 5);
        n.sendMic = false;
        byte[] neg = n.negotiate();
        SecurityContext probe = factory(CONFIG).newContext();
        byte[] auth = n.authenticate(probe.step(neg).outputToken());
        for (int field = 12; field <= 52; field += 8) {
            for (int[] lie : new int[][] {{0, auth.length}, {0, 0x7FFFFFF0}, {0, -1}, {1, 0x7FFF}, {0, 10}}) {
                byte[] t = auth.clone();
                if (lie[0] == 0) {
                    put32(t, field + 4, lie[1]);
                } else {
                    t[field] = (byte) 0xFF;
                    t[field + 1] = 0x7F;
                }
                SecurityContext ctx = factory(CONFIG).newContext();
                ctx.step(neg);
                assertCleanFailure(ctx.step(t), "field " + field + " lie " + Arrays.toString(lie));
            }
        }
    }

    static void put32(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static Mechanism fakeMech(List<String> oids) {
        return new Mechanism() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<String> oids() {
                return oids;
            }

            @Override
            public boolean recognizesRawToken(byte[] token) {
                return false;
            }

            @Override
            public MechanismContext newContext() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
