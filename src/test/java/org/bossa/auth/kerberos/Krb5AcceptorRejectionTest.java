package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.auth.kerberos.Krb5AcceptorTest.SMB_FLAGS;
import static org.bossa.auth.kerberos.TestRealm.NOW;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.CheckSumType;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;
import org.bossa.auth.kerberos.AcceptResult.Accepted;
import org.bossa.auth.kerberos.AcceptResult.Rejected;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.gss.AuthenticatorChecksum;
import org.bossa.kerberos.gss.ChannelBindings;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of {@link Krb5Acceptor}, each with the kind and a reason that says what was wrong. */
class Krb5AcceptorRejectionTest {
    @TempDir
    Path dir;
    final TestRealm realm = new TestRealm();
    final TestRealm.MovableClock clock = new TestRealm.MovableClock(NOW);
    Path keytab;
    Krb5Acceptor acceptor;

    @BeforeEach
    void setUp() throws Exception {
        keytab = dir.resolve("krb5.keytab");
        realm.writeKeytab(keytab, 2);
        acceptor = acceptor(new ReplayCache(1000));
    }

    Krb5Acceptor acceptor(ReplayCache cache) {
        return new Krb5Acceptor(new KeytabServiceKeys(keytab), cache, AcceptorPolicy.defaults(), clock,
                new SecureRandom());
    }

    byte[] token(TestRealm.Spec spec) throws Exception {
        return token(realm.issue(spec), NOW);
    }

    static byte[] token(InitiatorTicket ticket, Instant initiatorTime) throws Exception {
        return new Krb5InitiatorContext(ticket, SMB_FLAGS, null, new SecureRandom(),
                Clock.fixed(initiatorTime, ZoneOffset.UTC)).initialToken();
    }

    Rejected rejected(byte[] token, Kind kind) {
        AcceptResult result = acceptor.accept(token);
        assertThat(result).isInstanceOf(Rejected.class);
        Rejected r = (Rejected) result;
        assertThat(r.kind()).as(r.reason()).isEqualTo(kind);
        return r;
    }

    @Test
    void ticketForANameNotInTheKeytab() throws Exception {
        KerberosName other = KerberosName.parse("cifs/otherhost.example.test@EXAMPLE.TEST", null);
        Rejected r = rejected(token(new TestRealm.Spec().with(s -> s.server = other)), Kind.UNKNOWN_PRINCIPAL);
        assertThat(r.reason()).contains("\"cifs/otherhost.example.test@EXAMPLE.TEST\"");

        KerberosName otherRealm = KerberosName.parse("cifs/filesrv.example.test@OTHER.TEST", null);
        rejected(token(new TestRealm.Spec().with(s -> s.server = otherRealm)), Kind.UNKNOWN_PRINCIPAL);
    }

    @Test
    void ticketUnderAnotherKeyDoesNotDecrypt() throws Exception {
        Rejected r = rejected(token(new TestRealm.Spec().with(
                s -> s.foreignKey = realm.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96))), Kind.DECRYPT_FAILED);
        assertThat(r.reason()).contains("the ticket does not decrypt", "kvno 2");
    }

    @Test
    void missingKeytabIsUnavailableNotUnknown() throws Exception {
        java.nio.file.Files.delete(keytab);
        Rejected r = rejected(token(new TestRealm.Spec()), Kind.KEYS_UNAVAILABLE);
        assertThat(r.reason()).contains("does not exist");
    }

    @Test
    void desTicketIsRefusedBeforeAnyKeyIsLookedFor() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        ApReq req = TestRealm.unframe(token(ticket, NOW));
        EncryptedData enc = req.getTicket().getEncryptedEncPart();
        enc.setEType(EncryptionType.DES_CBC_MD5);
        Rejected r = rejected(TestRealm.frame(req), Kind.ENCTYPE_NOT_ALLOWED);
        assertThat(r.reason()).contains("des-cbc-md5");
    }

    @Test
    void expiredTicketBeyondTheSkewOnly() throws Exception {
        Rejected r = rejected(token(new TestRealm.Spec().with(s -> s.endTime = NOW.minus(Duration.ofMinutes(6)))),
                Kind.TICKET_EXPIRED);
        assertThat(r.reason()).contains("\"alice@EXAMPLE.TEST\"", "expired at");
        assertThat(acceptor.accept(token(new TestRealm.Spec().with(s -> s.endTime = NOW.minus(Duration.ofMinutes(4))))))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void ticketNotYetValidBeyondTheSkewOnly() throws Exception {
        rejected(token(new TestRealm.Spec().with(s -> s.startTime = NOW.plus(Duration.ofMinutes(6)))),
                Kind.TICKET_NOT_YET_VALID);
        rejected(token(new TestRealm.Spec().with(s -> {
            s.startTime = null;
            s.authTime = NOW.plus(Duration.ofMinutes(6));
        })), Kind.TICKET_NOT_YET_VALID);
        Accepted ok = (Accepted) acceptor.accept(
                token(new TestRealm.Spec().with(s -> s.startTime = NOW.plus(Duration.ofMinutes(4)))));
        assertThat(ok.startTime()).isAfter(ok.authTime());
    }

    @Test
    void invalidFlagIsRefused() throws Exception {
        rejected(token(new TestRealm.Spec().with(s -> s.flags = TicketFlag.INVALID.getValue())), Kind.TICKET_INVALID);
    }

    @Test
    void authenticatorTimeBeyondTheSkewEitherWay() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        Rejected ahead = rejected(token(ticket, NOW.plus(Duration.ofMinutes(5).plusSeconds(2))), Kind.SKEW);
        assertThat(ahead.reason()).contains("300 s");
        rejected(token(ticket, NOW.minus(Duration.ofMinutes(5).plusSeconds(2))), Kind.SKEW);
        assertThat(acceptor.accept(token(ticket, NOW.plus(Duration.ofMinutes(4))))).isInstanceOf(Accepted.class);
        assertThat(acceptor.accept(token(ticket, NOW.minus(Duration.ofMinutes(4))))).isInstanceOf(Accepted.class);
    }

    @Test
    void theSameApReqTwiceIsAReplayButANewAuthenticatorForTheSameTicketIsNot() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        byte[] first = token(ticket, NOW);
        assertThat(acceptor.accept(first)).isInstanceOf(Accepted.class);
        Rejected r = rejected(first, Kind.REPLAY);
        assertThat(r.reason()).contains("already used");
        assertThat(acceptor.accept(token(ticket, NOW))).as("same second, another authenticator")
                .isInstanceOf(Accepted.class);
    }

    @Test
    void aFullReplayCacheRefusesUntilEntriesExpire() throws Exception {
        acceptor = acceptor(new ReplayCache(4));
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        InitiatorTicket bobs = realm.issue(new TestRealm.Spec().with(
                s -> s.client = KerberosName.parse("bob@EXAMPLE.TEST", null)));
        byte[] replayed = token(ticket, NOW);
        assertThat(acceptor.accept(replayed)).isInstanceOf(Accepted.class);
        assertThat(acceptor.accept(token(ticket, NOW))).isInstanceOf(Accepted.class);
        // one client holds at most half the cache: alice is refused, bob is not
        assertThat(rejected(token(ticket, NOW), Kind.REPLAY_CACHE_FULL).reason()).contains("its share");
        assertThat(acceptor.accept(token(bobs, NOW))).isInstanceOf(Accepted.class);
        assertThat(acceptor.accept(token(bobs, NOW))).isInstanceOf(Accepted.class);
        Rejected full = rejected(token(bobs, NOW), Kind.REPLAY_CACHE_FULL);
        assertThat(full.reason()).contains("limit of 4");
        rejected(replayed, Kind.REPLAY);

        Instant later = NOW.plus(Duration.ofMinutes(5).plusSeconds(1));
        clock.set(later);
        assertThat(acceptor.accept(token(ticket, later))).isInstanceOf(Accepted.class);
    }

    @Test
    void refusedAuthenticatorsTakeNoPlaceInTheReplayCache() throws Exception {
        acceptor = acceptor(new ReplayCache(1));
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        rejected(token(ticket, NOW.plus(Duration.ofMinutes(10))), Kind.SKEW);
        InitiatorTicket mallory = new InitiatorTicket(ticket.ticket(), ticket.sessionKey(),
                KerberosName.parse("mallory@EXAMPLE.TEST", null).toKerby(), TestRealm.REALM);
        rejected(token(mallory, NOW), Kind.CLIENT_MISMATCH);
        assertThat(acceptor.accept(token(ticket, NOW))).isInstanceOf(Accepted.class);
    }

    @Test
    void tamperedTicketOrAuthenticatorCiphertextDoesNotDecrypt() throws Exception {
        byte[] good = token(new TestRealm.Spec());
        ApReq req = TestRealm.unframe(good);
        byte[] cipher = req.getTicket().getEncryptedEncPart().getCipher();
        cipher[cipher.length / 2] ^= 0x01;
        req.getTicket().getEncryptedEncPart().setCipher(cipher);
        assertThat(rejected(TestRealm.frame(req), Kind.DECRYPT_FAILED).reason()).contains("the ticket does not decrypt");

        req = TestRealm.unframe(good);
        byte[] auth = req.getEncryptedAuthenticator().getCipher();
        auth[auth.length - 1] ^= (byte) 0x80;
        req.getEncryptedAuthenticator().setCipher(auth);
        assertThat(rejected(TestRealm.frame(req), Kind.DECRYPT_FAILED).reason())
                .contains("the authenticator does not decrypt");
        assertThat(acceptor.accept(good)).as("the untampered token still is fine").isInstanceOf(Accepted.class);
    }

    @Test
    void authenticatorForAnotherClientThanTheTicket() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        InitiatorTicket stolen = new InitiatorTicket(ticket.ticket(), ticket.sessionKey(),
                KerberosName.parse("mallory@EXAMPLE.TEST", null).toKerby(), TestRealm.REALM);
        Rejected r = rejected(token(stolen, NOW), Kind.CLIENT_MISMATCH);
        assertThat(r.reason()).contains("\"mallory@EXAMPLE.TEST\"", "\"alice@EXAMPLE.TEST\"");
        InitiatorTicket otherRealm = new InitiatorTicket(ticket.ticket(), ticket.sessionKey(), ticket.clientName(),
                "OTHER.TEST");
        rejected(token(otherRealm, NOW), Kind.CLIENT_MISMATCH);
    }

    @Test
    void channelBindingsCannotBeHonoured() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        byte[] bound = new Krb5InitiatorContext(ticket, SMB_FLAGS, ChannelBindings.ofApplicationData(new byte[] {1, 2}),
                new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC)).initialToken();
        rejected(bound, Kind.CHANNEL_BINDINGS);
        byte[] emptyStruct = new Krb5InitiatorContext(ticket, SMB_FLAGS, ChannelBindings.ofApplicationData(new byte[0]),
                new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC)).initialToken();
        assertThat(acceptor.accept(emptyStruct)).as("an empty bindings structure binds nothing")
                .isInstanceOf(Accepted.class);
    }

    @Test
    void checksumMissingOfAnotherTypeOrShortIsRefused() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        TestRealm.Auth auth = new TestRealm.Auth();
        rejected(TestRealm.apReq(ticket, auth), Kind.BAD_CHECKSUM);

        auth.checksum = new CheckSum(CheckSumType.HMAC_SHA1_96_AES256, new byte[12]);
        assertThat(rejected(TestRealm.apReq(ticket, auth), Kind.BAD_CHECKSUM).reason()).contains("type 16");

        auth.checksum = AuthenticatorChecksum.of(null, SMB_FLAGS).toKerby();
        auth.checksum.setChecksum(new byte[20]);
        rejected(TestRealm.apReq(ticket, auth), Kind.BAD_CHECKSUM);
    }

    @Test
    void dceStyleAndUserToUserAreNotSupported() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        TestRealm.Auth auth = new TestRealm.Auth();
        byte[] value = AuthenticatorChecksum.of(null, SMB_FLAGS).encode();
        value[21] |= 0x10; // GSS_C_DCE_STYLE 0x1000, little-endian
        auth.checksum = AuthenticatorChecksum.of(null, Set.of()).toKerby();
        auth.checksum.setChecksum(value);
        assertThat(rejected(TestRealm.apReq(ticket, auth), Kind.UNSUPPORTED_OPTION).reason()).contains("DCE");

        TestRealm.Auth u2u = new TestRealm.Auth();
        u2u.checksum = AuthenticatorChecksum.of(null, SMB_FLAGS).toKerby();
        u2u.apOptions = 0x40000000; // USE-SESSION-KEY
        assertThat(rejected(TestRealm.apReq(ticket, u2u), Kind.UNSUPPORTED_OPTION).reason())
                .contains("USE-SESSION-KEY");
    }

    @Test
    void rc4SubkeyUnderAnAesSessionKeyIsRefusedByDefault() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        TestRealm.Auth auth = new TestRealm.Auth();
        auth.checksum = AuthenticatorChecksum.of(null, SMB_FLAGS).toKerby();
        auth.subkey = realm.randomKey(EncryptionType.ARCFOUR_HMAC);
        assertThat(rejected(TestRealm.apReq(ticket, auth), Kind.ENCTYPE_NOT_ALLOWED).reason()).contains("subkey");
    }

    @Test
    void twoPacsAreMalformed() throws Exception {
        AuthorizationData two = TestRealm.ifRelevant(TestRealm.pac(new byte[] {1}), TestRealm.pac(new byte[] {2}));
        assertThat(rejected(token(new TestRealm.Spec().with(s -> s.authorizationData = two)), Kind.MALFORMED).reason())
                .contains("more than one PAC");
        AuthorizationData split = TestRealm.ifRelevant(TestRealm.pac(new byte[] {1}));
        split.add(TestRealm.ifRelevant(TestRealm.pac(new byte[] {2})).getElements().getFirst());
        rejected(token(new TestRealm.Spec().with(s -> s.authorizationData = split)), Kind.MALFORMED);
    }

    @Test
    void reasonsCarryNoKeyMaterial() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        String sessionHex = HexFormat.of().formatHex(ticket.sessionKey().getKeyData());
        String serviceHex = HexFormat.of().formatHex(
                realm.machineKey(2, EncryptionType.AES256_CTS_HMAC_SHA1_96).getKeyData());
        byte[] token = token(ticket, NOW);
        acceptor.accept(token);
        Rejected r = rejected(token, Kind.REPLAY);
        assertThat(r.reason().toLowerCase()).doesNotContain(sessionHex).doesNotContain(serviceHex);
        Accepted ok = (Accepted) acceptor.accept(token(ticket, NOW));
        assertThat(ok.toString().toLowerCase()).doesNotContain(serviceHex)
                .doesNotContain(HexFormat.of().formatHex(ok.sessionKey()));
    }

    @Test
    void flagsWithoutMutualStillGetAnApRepWhenTheApOptionAsks() throws Exception {
        InitiatorTicket ticket = realm.issue(new TestRealm.Spec());
        TestRealm.Auth auth = new TestRealm.Auth();
        auth.checksum = AuthenticatorChecksum.of(null, EnumSet.of(ContextFlag.INTEGRITY)).toKerby();
        Accepted ok = (Accepted) acceptor.accept(TestRealm.apReq(ticket, auth));
        assertThat(ok.mutual()).isTrue();
        assertThat(ok.flags()).containsExactlyInAnyOrder(ContextFlag.INTEGRITY, ContextFlag.MUTUAL);
    }
}
