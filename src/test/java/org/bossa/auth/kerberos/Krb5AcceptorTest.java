package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.auth.kerberos.TestRealm.ALICE;
import static org.bossa.auth.kerberos.TestRealm.CIFS;
import static org.bossa.auth.kerberos.TestRealm.NOW;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationDataEntry;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationType;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.kerberos.AcceptResult.Accepted;
import org.bossa.auth.kerberos.AcceptResult.Rejected;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.KeytabFile;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.gss.AuthenticatorChecksum;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.kerberos.gss.Krb5MechToken;
import org.bossa.kerberos.gss.Krb5MessageProtection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptor against the project's own initiator ({@link Krb5InitiatorContext}): real AP-REQs
 * in, AP-REPs the initiator accepts out, then MIC and Wrap tokens both ways. The refusals are in
 * {@link Krb5AcceptorRejectionTest}.
 */
class Krb5AcceptorTest {
    /** What Windows and smbclient ask for over SPNEGO. */
    static final Set<ContextFlag> SMB_FLAGS = EnumSet.of(ContextFlag.MUTUAL, ContextFlag.REPLAY, ContextFlag.SEQUENCE,
            ContextFlag.CONFIDENTIALITY, ContextFlag.INTEGRITY);

    @TempDir
    Path dir;
    Path keytab;
    final TestRealm realm = new TestRealm();
    Krb5Acceptor acceptor;

    @BeforeEach
    void setUp() throws Exception {
        keytab = dir.resolve("krb5.keytab");
        realm.writeKeytab(keytab, 2);
        acceptor = acceptor(AcceptorPolicy.defaults(), new ReplayCache(1000));
    }

    Krb5Acceptor acceptor(AcceptorPolicy policy, ReplayCache cache) {
        return new Krb5Acceptor(new KeytabServiceKeys(keytab), cache, policy, Clock.fixed(NOW, ZoneOffset.UTC),
                new SecureRandom());
    }

    static Krb5InitiatorContext initiator(InitiatorTicket ticket, Set<ContextFlag> flags) throws Exception {
        return new Krb5InitiatorContext(ticket, flags, null, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Accepted accepted(AcceptResult result) {
        assertThat(result).isInstanceOf(Accepted.class);
        return (Accepted) result;
    }

    @ParameterizedTest
    @EnumSource(value = EncryptionType.class, names = {"AES128_CTS_HMAC_SHA1_96", "AES256_CTS_HMAC_SHA1_96"})
    void mutualAuthenticationWithTheInitiatorThenTokensBothWays(EncryptionType type) throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec().with(s -> {
            s.ticketType = type;
            s.sessionType = type;
        }));
        Krb5InitiatorContext initiator = initiator(ticket, SMB_FLAGS);

        Accepted ok = accepted(acceptor.accept(initiator.initialToken()));

        assertThat(ok.client()).isEqualTo(ALICE);
        assertThat(ok.server()).isEqualTo(CIFS);
        assertThat(ok.authTime()).isEqualTo(NOW.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(ok.startTime()).as("no starttime: authtime").isEqualTo(ok.authTime());
        assertThat(ok.endTime()).isEqualTo(NOW.plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(ok.serviceKey().getKeyType()).isEqualTo(type);
        assertThat(ok.serviceKey().getKvno()).isEqualTo(2);
        assertThat(ok.serviceKey().getKeyData()).isEqualTo(realm.machineKey(2, type).getKeyData());
        assertThat(ok.pac()).hasValueSatisfying(p -> assertThat(p).isEqualTo(TestRealm.PAC));
        assertThat(ok.flags()).isEqualTo(SMB_FLAGS);
        assertThat(ok.sessionKeyType()).isEqualTo(type.getValue());
        assertThat(ok.sessionKey()).hasSize(type == EncryptionType.AES256_CTS_HMAC_SHA1_96 ? 32 : 16)
                .as("a fresh acceptor subkey, not the ticket session key")
                .isNotEqualTo(ticket.sessionKey().getKeyData());
        assertThat(ok.mutual()).isTrue();
        assertThat(Krb5MechToken.decode(ok.outputToken()).tokenId()).isEqualTo(Krb5MechToken.AP_REP);

        initiator.acceptToken(ok.outputToken());
        assertThat(initiator.isEstablished()).isTrue();
        exchange(initiator, ok.protection().orElseThrow());
    }

    /** MIC tokens as the SPNEGO mechListMIC uses them, then sealed and signed Wrap tokens, each way. */
    static void exchange(Krb5InitiatorContext initiator, Krb5MessageProtection acceptorSide) throws Exception {
        byte[] mechList = "30 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a".getBytes(StandardCharsets.US_ASCII);
        acceptorSide.verifyMic(mechList, initiator.getMic(mechList));
        initiator.verifyMic(mechList, acceptorSide.getMic(mechList));
        for (int i = 0; i < 3; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(acceptorSide.unwrap(initiator.wrap(data, true)).data()).isEqualTo(data);
            assertThat(initiator.unwrap(acceptorSide.wrap(data, i % 2 == 0)).data()).isEqualTo(data);
        }
    }

    @Test
    void withoutMutualThereIsNoApRepAndTheInitiatorSubkeyIsTheContextKey() throws Exception {
        Krb5InitiatorContext initiator = initiator(realm.issue(new TestRealm.Spec()),
                EnumSet.of(ContextFlag.INTEGRITY, ContextFlag.CONFIDENTIALITY));
        Accepted ok = accepted(acceptor.accept(initiator.initialToken()));
        assertThat(ok.outputToken()).isEmpty();
        assertThat(ok.mutual()).isFalse();
        assertThat(ok.flags()).containsExactlyInAnyOrder(ContextFlag.INTEGRITY, ContextFlag.CONFIDENTIALITY);
        assertThat(initiator.isEstablished()).isTrue();
        byte[] mic = ok.protection().orElseThrow().getMic(new byte[] {1});
        assertThat(mic[2] & 0x04).as("no AcceptorSubkey flag").isZero();
        initiator.verifyMic(new byte[] {1}, mic);
        exchange(initiator, ok.protection().orElseThrow());
    }

    @Test
    void windowsMechanismOidIsAcceptedAndEchoedInTheReply() throws Exception {
        Krb5InitiatorContext initiator = initiator(realm.issue(new TestRealm.Spec()), SMB_FLAGS);
        byte[] framed = initiator.initialToken();
        byte[] msFramed = reframe(framed, GssFraming.MS_KRB5_OID);

        Accepted ok = accepted(acceptor.accept(msFramed));
        byte[] reply = ok.outputToken();
        int oidAt = oidOffset(reply);
        assertThat(Arrays.copyOfRange(reply, oidAt, oidAt + GssFraming.MS_KRB5_OID.length))
                .isEqualTo(GssFraming.MS_KRB5_OID);
        // our initiator knows only the registered OID; give it the same reply under that OID
        initiator.acceptToken(reframe(reply, GssFraming.KRB5_OID));
        exchange(initiator, ok.protection().orElseThrow());
    }

    @Test
    void aBareApReqIsAcceptedAndAnsweredFramed() throws Exception {
        Krb5InitiatorContext initiator = initiator(realm.issue(new TestRealm.Spec()), SMB_FLAGS);
        byte[] bare = Krb5MechToken.decode(initiator.initialToken()).body();
        Accepted ok = accepted(acceptor.accept(bare));
        initiator.acceptToken(ok.outputToken());
        exchange(initiator, ok.protection().orElseThrow());
    }

    /** The same GSS token with another mechanism OID in its framing (both OIDs are 11 bytes). */
    static byte[] reframe(byte[] token, byte[] oid) {
        byte[] out = token.clone();
        System.arraycopy(oid, 0, out, oidOffset(token), oid.length);
        return out;
    }

    /** Where the OID starts in a GSS token: after 0x60 and the DER length. */
    static int oidOffset(byte[] token) {
        return token[1] >= 0 ? 2 : 2 + (token[1] & 0x7f);
    }

    @Test
    void everySpnInTheKeytabIsAcceptedCaseInsensitively() throws Exception {
        for (String spn : List.of("host/FILESRV@EXAMPLE.TEST", "HOST/filesrv.Example.Test@example.test",
                "cifs/filesrv@EXAMPLE.TEST", "filesrv$@Example.Test")) {
            KerberosName server = KerberosName.parse(spn, null);
            Krb5InitiatorContext initiator = initiator(realm.issue(new TestRealm.Spec().with(s -> s.server = server)),
                    SMB_FLAGS);
            Accepted ok = accepted(acceptor.accept(initiator.initialToken()));
            assertThat(ok.server()).as("the name the client asked for").isEqualTo(server);
        }
    }

    @Test
    void thePreviousKvnoStillWorksAfterThePasswordChangeAndTheNewOneOnlyAfterIt() throws Exception {
        InitiatorTicket old = realm.issue(new TestRealm.Spec().with(s -> s.kvno = 2L));
        InitiatorTicket fresh = realm.issue(new TestRealm.Spec().with(s -> s.kvno = 3L));
        assertThat(acceptor.accept(initiator(old, SMB_FLAGS).initialToken())).isInstanceOf(Accepted.class);
        Rejected before = (Rejected) acceptor.accept(initiator(fresh, SMB_FLAGS).initialToken());
        assertThat(before.kind()).isEqualTo(Rejected.Kind.UNKNOWN_KVNO);
        assertThat(before.reason()).contains("kvno 3", "cifs/filesrv.example.test@EXAMPLE.TEST",
                "aes256-cts-hmac-sha1-96", "kvno 2");

        // bossa changetrustpw: kvno 3 added, kvno 2 kept
        List<KeytabEntry> added = TestRealm.SPNS.stream().flatMap(spn -> TestRealm.ENCTYPES.stream()
                .map(t -> KeytabEntry.of(spn, NOW, 3, realm.machineKey(3, t)))).toList();
        KeytabFile.merge(keytab, added);

        assertThat(acceptor.accept(initiator(fresh, SMB_FLAGS).initialToken())).isInstanceOf(Accepted.class);
        Accepted stillOld = accepted(acceptor.accept(initiator(old, SMB_FLAGS).initialToken()));
        assertThat(stillOld.serviceKey().getKvno()).isEqualTo(2);
    }

    @Test
    void aTicketWithoutKvnoIsDecryptedWithTheNewestKey() throws Exception {
        realm.writeKeytab(keytab, 4, 5);
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec().with(s -> s.kvno = null)); // issued under kvno 2 ...
        Rejected wrong = (Rejected) acceptor.accept(initiator(ticket, SMB_FLAGS).initialToken());
        assertThat(wrong.kind()).isEqualTo(Rejected.Kind.DECRYPT_FAILED);
        assertThat(wrong.reason()).contains("kvno 5 (newest)");

        TestRealm.Spec spec = new TestRealm.Spec().with(s -> {
            s.kvno = null;
            s.foreignKey = realm.machineKey(5, EncryptionType.AES256_CTS_HMAC_SHA1_96);
        });
        Accepted ok = accepted(acceptor.accept(initiator(realm.issue(spec), SMB_FLAGS).initialToken()));
        assertThat(ok.serviceKey().getKvno()).isEqualTo(5);
    }

    @Test
    void rc4TicketIsRefusedByDefaultAndAcceptedWhenAllowed() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec().with(s -> s.ticketType = EncryptionType.ARCFOUR_HMAC));
        Rejected refused = (Rejected) acceptor.accept(initiator(ticket, SMB_FLAGS).initialToken());
        assertThat(refused.kind()).isEqualTo(Rejected.Kind.ENCTYPE_NOT_ALLOWED);
        assertThat(refused.reason()).contains("arcfour-hmac", "(23)");

        Krb5Acceptor lenient = acceptor(AcceptorPolicy.defaults().withAllowRc4(true), new ReplayCache(10));
        Krb5InitiatorContext initiator = initiator(ticket, SMB_FLAGS);
        Accepted ok = accepted(lenient.accept(initiator.initialToken()));
        assertThat(ok.serviceKey().getKeyType()).isEqualTo(EncryptionType.ARCFOUR_HMAC);
        initiator.acceptToken(ok.outputToken());
        exchange(initiator, ok.protection().orElseThrow());
    }

    @Test
    void rc4SessionKeyWhenAllowedGivesAnRc4SubkeyAndNoMessageProtection() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec().with(s -> {
            s.ticketType = EncryptionType.ARCFOUR_HMAC;
            s.sessionType = EncryptionType.ARCFOUR_HMAC;
        }));
        TestRealm.Auth auth = new TestRealm.Auth();
        auth.checksum = AuthenticatorChecksum.of(null, SMB_FLAGS).toKerby();
        auth.subkey = realm.randomKey(EncryptionType.ARCFOUR_HMAC);
        byte[] token = TestRealm.apReq(ticket, auth);

        assertThat(((Rejected) acceptor.accept(token)).kind()).isEqualTo(Rejected.Kind.ENCTYPE_NOT_ALLOWED);
        Krb5Acceptor lenient = acceptor(AcceptorPolicy.defaults().withAllowRc4(true), new ReplayCache(10));
        Accepted ok = accepted(lenient.accept(token));
        assertThat(ok.sessionKeyType()).isEqualTo(EncryptionType.ARCFOUR_HMAC.getValue());
        assertThat(ok.sessionKey()).hasSize(16).isNotEqualTo(auth.subkey.getKeyData());
        assertThat(ok.protection()).isEmpty();
        assertThat(ok.mutual()).isTrue();
    }

    @Test
    void delegationFlagIsIgnoredNotFatal() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        TestRealm.Auth auth = new TestRealm.Auth();
        byte[] value = AuthenticatorChecksum
                .of(null, EnumSet.of(ContextFlag.MUTUAL, ContextFlag.DELEGATION)).encode();
        // DlgOpt 1, Dlgth 3, and three bytes standing for a KRB-CRED we never open
        byte[] withDeleg = Arrays.copyOf(value, value.length + 7);
        System.arraycopy(new byte[] {1, 0, 3, 0, 0x76, 1, 0}, 0, withDeleg, value.length, 7);
        auth.checksum = AuthenticatorChecksum.of(null, Set.of()).toKerby();
        auth.checksum.setChecksum(withDeleg);
        Accepted ok = accepted(acceptor.accept(TestRealm.apReq(ticket, auth)));
        assertThat(ok.flags()).containsExactly(ContextFlag.MUTUAL);
    }

    @Test
    void ticketsWithoutPacOrWithPacOutsideIfRelevantHaveNone() throws Exception {
        InitiatorTicket none = realm.issue(new TestRealm.Spec().with(s -> s.authorizationData = null));
        assertThat(accepted(acceptor.accept(initiator(none, SMB_FLAGS).initialToken())).pac()).isEmpty();

        AuthorizationData topLevel = new AuthorizationData();
        topLevel.add(TestRealm.pac(new byte[] {1, 2, 3}));
        InitiatorTicket misplaced = realm.issue(new TestRealm.Spec().with(s -> s.authorizationData = topLevel));
        assertThat(accepted(acceptor.accept(initiator(misplaced, SMB_FLAGS).initialToken())).pac()).isEmpty();
    }

    @Test
    void thePacIsFoundAmongOtherAuthorizationData() throws Exception {
        // another element beside the PAC, as Windows KDCs add KERB-AD-RESTRICTION-ENTRY
        AuthorizationDataEntry restriction = new AuthorizationDataEntry(AuthorizationType.AD_ETYPE_NEGOTIATION,
                new byte[] {0x30, 0});
        AuthorizationData data = TestRealm.ifRelevant(restriction);
        data.add(TestRealm.ifRelevant(restriction, TestRealm.pac(new byte[] {9, 8, 7})).getElements().getFirst());
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec().with(s -> s.authorizationData = data));
        assertThat(accepted(acceptor.accept(initiator(ticket, SMB_FLAGS).initialToken())).pac())
                .hasValueSatisfying(p -> assertThat(p).containsExactly(9, 8, 7));
    }

    @Test
    void oneSharedAcceptorServesConcurrentSessionsAndAcceptsAReplayedTokenOnce() throws Exception {
        int sessions = 16;
        byte[] replayed = initiator(realm.issue(new TestRealm.Spec()), SMB_FLAGS).initialToken();
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            distinct.add(initiator(realm.issue(new TestRealm.Spec()), SMB_FLAGS).initialToken());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AcceptResult>> tasks = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                byte[] own = distinct.get(i);
                tasks.add(() -> acceptor.accept(own));
                tasks.add(() -> acceptor.accept(replayed));
            }
            int acceptedOwn = 0;
            int acceptedReplayed = 0;
            List<Future<AcceptResult>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                AcceptResult r = results.get(i).get();
                if (r instanceof Accepted) {
                    if (i % 2 == 0) {
                        acceptedOwn++;
                    } else {
                        acceptedReplayed++;
                    }
                } else {
                    assertThat(((Rejected) r).kind()).isEqualTo(Rejected.Kind.REPLAY);
                }
            }
            assertThat(acceptedOwn).isEqualTo(sessions);
            assertThat(acceptedReplayed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
