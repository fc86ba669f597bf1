package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.auth.kerberos.TestRealm.NOW;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.StepResult;
import org.bossa.auth.kerberos.pac.TestPacBuilder;
import org.bossa.auth.spnego.NegState;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.spnego.NegTokenInit2;
import org.bossa.auth.spnego.NegTokenResp;
import org.bossa.auth.spnego.Oid;
import org.bossa.auth.spnego.SpnegoContextFactory;
import org.bossa.dtyp.Sid;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos through SPNEGO as a Windows client runs it: NegTokenInit listing MS-KRB5, KRB5 and
 * NTLMSSP with the AP-REQ optimistic; the acceptor's AP-REP and mechListMIC; the client's MIC. The
 * identity is the PAC's, and the logon ends with the ticket.
 */
class KerberosMechanismTest {
    private static final Instant AUTH_TIME = NOW.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant END = NOW.plus(Duration.ofHours(9));
    private static final List<Oid> WINDOWS_MECHS = List.of(new Oid(KerberosMechanism.MS_KRB5_OID),
            new Oid(KerberosMechanism.KRB5_OID), Oid.NTLMSSP);

    @TempDir
    Path dir;
    final TestRealm realm = new TestRealm();
    SpnegoContextFactory spnego;

    @BeforeEach
    void setUp() throws Exception {
        Path keytab = dir.resolve("krb5.keytab");
        realm.writeKeytab(keytab, 2);
        Krb5Acceptor acceptor = new Krb5Acceptor(new KeytabServiceKeys(keytab), new ReplayCache(1000),
                AcceptorPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        spnego = new SpnegoContextFactory(List.of(new KerberosMechanism(acceptor)));
    }

    private TestPacBuilder pac() {
        return new TestPacBuilder(realm.machineKey(2, EncryptionType.AES256_CTS_HMAC_SHA1_96)).account("alice")
                .clientName("alice").authTime(AUTH_TIME);
    }

    private InitiatorTicket ticket(byte[] pac) throws Exception {
        TestRealm.Spec spec = new TestRealm.Spec();
        spec.authTime = AUTH_TIME;
        spec.endTime = END;
        spec.authorizationData = pac == null ? null : TestRealm.ifRelevant(TestRealm.pac(pac));
        return realm.issue(spec);
    }

    private static Krb5InitiatorContext initiator(InitiatorTicket t, Set<ContextFlag> flags) throws Exception {
        return new Krb5InitiatorContext(t, flags, null, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theNegotiateTokenListsKerberosBeforeNtlm() throws Exception {
        NegTokenInit2 init = NegTokenInit2.decodeInitialToken(spnego.negotiateToken());
        assertThat(init.mechTypes()).startsWith(new Oid(KerberosMechanism.MS_KRB5_OID), new Oid(KerberosMechanism.KRB5_OID));
    }

    @Test
    void anOptimisticApReqLogsOnWithAMicExchangeBothWays() throws Exception {
        TestPacBuilder pac = pac().groups(513, 1105, 1200);
        Krb5InitiatorContext krb = initiator(ticket(pac.build()), Krb5AcceptorTest.SMB_FLAGS);
        NegTokenInit init = new NegTokenInit(WINDOWS_MECHS, krb.initialToken());
        var ctx = spnego.newContext();
        StepResult first = ctx.step(init.encodeInitialToken());
        assertThat(first.outcome()).isEqualTo(StepResult.Outcome.CONTINUE);
        assertThat(ctx.mechanismName()).isEqualTo("kerberos");
        NegTokenResp resp = NegTokenResp.decode(first.outputToken());
        assertThat(resp.negState()).isEqualTo(NegState.ACCEPT_INCOMPLETE);
        assertThat(resp.supportedMech()).isEqualTo(new Oid(KerberosMechanism.MS_KRB5_OID));
        krb.acceptToken(resp.responseToken());
        krb.verifyMic(init.mechTypesDer(), resp.mechListMic());

        StepResult done = ctx.step(new NegTokenResp(null, null, null, krb.getMic(init.mechTypesDer())).encode());
        assertThat(done.outcome()).isEqualTo(StepResult.Outcome.DONE);
        assertThat(done.sessionKey()).isEqualTo(krb.sessionKey());
        var user = done.user();
        assertThat(user.account()).isEqualTo("alice");
        assertThat(user.validUntil()).contains(END.truncatedTo(ChronoUnit.SECONDS)); // KerberosTime has whole seconds
        var id = user.identity().orElseThrow();
        assertThat(id.userSid()).isEqualTo(pac.userSid());
        assertThat(id.groupSids()).contains(Sid.parse(TestPacBuilder.DOMAIN_SID + "-1200"),
                TestPacBuilder.ASSERTED_IDENTITY);
    }

    @Test
    void aWrongClientMicIsLogonFailure() throws Exception {
        Krb5InitiatorContext krb = initiator(ticket(pac().build()), Krb5AcceptorTest.SMB_FLAGS);
        NegTokenInit init = new NegTokenInit(WINDOWS_MECHS, krb.initialToken());
        var ctx = spnego.newContext();
        NegTokenResp resp = NegTokenResp.decode(ctx.step(init.encodeInitialToken()).outputToken());
        krb.acceptToken(resp.responseToken());
        // a MIC over another mechanism list: what a downgrade that dropped a mechanism would give
        byte[] otherList = new NegTokenInit(List.of(Oid.NTLMSSP), new byte[] {1}).mechTypesDer();
        StepResult r = ctx.step(new NegTokenResp(null, null, null, krb.getMic(otherList)).encode());
        assertThat(r.status()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(r.reason()).contains("mechListMIC");
    }

    @Test
    void withoutIntegrityRequestedNoMicRoundIsNeeded() throws Exception {
        Krb5InitiatorContext krb = initiator(ticket(pac().build()), EnumSet.of(ContextFlag.MUTUAL));
        NegTokenInit init = new NegTokenInit(WINDOWS_MECHS, krb.initialToken());
        StepResult r = spnego.newContext().step(init.encodeInitialToken());
        assertThat(r.outcome()).isEqualTo(StepResult.Outcome.DONE);
        NegTokenResp resp = NegTokenResp.decode(r.outputToken());
        assertThat(resp.negState()).isEqualTo(NegState.ACCEPT_COMPLETED);
        krb.acceptToken(resp.responseToken());
    }

    @Test
    void aTicketWithoutPacIsRefusedNamingTheClient() throws Exception {
        Krb5InitiatorContext krb = initiator(ticket(null), Krb5AcceptorTest.SMB_FLAGS);
        StepResult r = spnego.newContext().step(new NegTokenInit(WINDOWS_MECHS, krb.initialToken()).encodeInitialToken());
        assertThat(r.status()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(r.claimant()).isEqualTo("alice@EXAMPLE.TEST");
        assertThat(r.reason()).contains("no PAC");
    }

    @Test
    void theIdentityIsThePacsNotTheTicketsClientName() throws Exception {
        // the ticket's cname is "alice" (CLIENT_INFO agrees); LOGON_INFO names the account and SID
        TestPacBuilder pac = pac().account("alice.smith").userRid(1234);
        Krb5InitiatorContext krb = initiator(ticket(pac.build()), EnumSet.of(ContextFlag.MUTUAL));
        StepResult r = spnego.newContext().step(new NegTokenInit(WINDOWS_MECHS, krb.initialToken()).encodeInitialToken());
        assertThat(r.outcome()).as("%s", r).isEqualTo(StepResult.Outcome.DONE);
        assertThat(r.user().account()).isEqualTo("alice.smith");
        assertThat(r.user().identity().orElseThrow().userSid()).isEqualTo(Sid.parse(TestPacBuilder.DOMAIN_SID + "-1234"));
    }

    @Test
    void aRawKerberosTokenWithoutSpnegoIsAcceptedToo() throws Exception {
        Krb5InitiatorContext krb = initiator(ticket(pac().build()), EnumSet.of(ContextFlag.MUTUAL));
        StepResult r = spnego.newContext().step(krb.initialToken());
        assertThat(r.outcome()).as("%s", r).isEqualTo(StepResult.Outcome.DONE);
        krb.acceptToken(r.outputToken());
    }
}
