package org.bossa.fuzz;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationDataEntry;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationType;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncoding;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncodingType;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;
import org.bossa.auth.kerberos.pac.PacBufferType;
import org.bossa.auth.kerberos.pac.TestPacBuilder;
import org.bossa.auth.spnego.DerWriter;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.spnego.Oid;
import org.bossa.dtyp.Sid;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.gss.AuthenticatorChecksum;
import org.bossa.kerberos.gss.ChannelBindings;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.kerberos.gss.Krb5MechToken;

/**
 * Writes the seed corpus of {@link PacFuzzTest}, {@link Krb5AcceptorFuzzTest} and
 * {@link SpnegoKerberosFuzzTest}: PACs from {@link TestPacBuilder} and the Windows PACs of MIT's
 * t_pac.c (MitPacVectors), and AP-REQs for the {@link KerberosFixture}'s keytab made by the project's
 * initiator ({@link Krb5InitiatorContext}) or by hand where it will not go (RC4, no subkey, odd
 * checksums, wrong times or names). Encryption uses random confounders, so each run writes other
 * bytes; the committed seeds are one run's. Existing {@code seed-*} files of the three targets are
 * replaced, {@code crash-*} files kept.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.bossa.fuzz.KerberosSeeds [src/test/resources/fuzz]
 * </pre>
 */
final class KerberosSeeds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.fixed(KerberosFixture.NOW, ZoneOffset.UTC);
    /** What Windows and smbclient ask for. */
    private static final Set<ContextFlag> SMB_FLAGS = EnumSet.of(ContextFlag.MUTUAL, ContextFlag.REPLAY,
            ContextFlag.SEQUENCE, ContextFlag.CONFIDENTIALITY, ContextFlag.INTEGRITY);
    /** FORWARDABLE, RENEWABLE, PRE-AUTHENT, OK-AS-DELEGATE, NAME-CANONICALIZE: a Windows service ticket. */
    private static final int WINDOWS_TICKET_FLAGS = 0x40a50000;
    private static final int INVALID_FLAG = 0x01000000;
    private static final int MUTUAL_REQUIRED = 0x20;
    private static final EncryptionType AES256 = EncryptionType.AES256_CTS_HMAC_SHA1_96;
    private static final EncryptionType AES128 = EncryptionType.AES128_CTS_HMAC_SHA1_96;
    private static final EncryptionType RC4 = EncryptionType.ARCFOUR_HMAC;
    private static final KerberosName BOB = KerberosName.parse("bob@EXAMPLE.TEST", null);
    private static final String VECTORS = "org.bossa.auth.kerberos.pac.MitPacVectors";

    private KerberosSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/fuzz");
        write(root.resolve("PacFuzzTestInputs/pac"), pacSeeds());
        write(root.resolve("Krb5AcceptorFuzzTestInputs/token"), acceptorSeeds());
        write(root.resolve("SpnegoKerberosFuzzTestInputs/token"), spnegoSeeds());
    }

    // ---------------------------------------------------------------- PACs

    /** A PAC for alice signed with {@code key}, for the fixture's authtime. */
    private static TestPacBuilder pac(EncryptionKey key) {
        return new TestPacBuilder(key, KerberosFixture.kdcKey()).account(KerberosFixture.CLIENT_NAME)
                .clientName(KerberosFixture.CLIENT_NAME).authTime(KerberosFixture.AUTH_TIME);
    }

    private static List<byte[]> pacSeeds() throws Exception {
        EncryptionKey key = KerberosFixture.serviceKey();
        List<byte[]> out = new ArrayList<>();
        out.add(pac(key).build());
        out.add(pac(key).withTicketAndFullChecksums().kdcRodcIdentifier(7).build());
        out.add(pac(key).withoutUpnSamNameAndSid().userFlags(0x20).groups(513, 1105, 1106, 1107, 1108)
                .extraSids(TestPacBuilder.ASSERTED_IDENTITY, Sid.parse("S-1-5-21-1-2-3-1000"))
                .resourceGroups(null).build());
        out.add(pac(key).addBuffer(PacBufferType.CLIENT_CLAIMS_INFO, new byte[40])
                .addBuffer(0x99, "unknown".getBytes(StandardCharsets.US_ASCII)).build());
        out.add(pac(KerberosFixture.machineKey(KerberosFixture.KVNO, RC4)).build());
        out.add(pac(KerberosFixture.machineKey(KerberosFixture.KVNO, AES128)).build());
        out.add(pac(key).omit(PacBufferType.UPN_DNS_INFO).omit(PacBufferType.REQUESTOR)
                .omit(PacBufferType.ATTRIBUTES_INFO).groups().extraSids().build());
        out.add(pac(key).requestorSid(Sid.parse("S-1-5-21-1-2-3-500")).upnSamName("bob").build());
        out.add(pac(key).account("\u00c5lice\ud83d\ude00").clientName(KerberosFixture.CLIENT_NAME).upn("")
                .fullName("").dnsDomain("EXAMPLE.TEST").build());
        for (String name : List.of("SAVED_PAC", "S4U_PAC_REGULAR", "S4U_PAC_ENTERPRISE", "S4U_PAC_XREALM")) {
            out.add(vector(name));
        }
        out.add(windows2022Pac());
        return out;
    }

    /** A byte[] constant of MitPacVectors (package-private in the PAC tests' package). */
    private static byte[] vector(String name) throws Exception {
        Field f = Class.forName(VECTORS).getDeclaredField(name);
        f.setAccessible(true);
        return (byte[]) f.get(null);
    }

    /** The PAC inside MIT's Windows Server 2022 ticket, decrypted with its service key. */
    private static byte[] windows2022Pac() throws Exception {
        Ticket t = new Ticket();
        t.decode(vector("W2022_TICKET"));
        EncTicketPart part = new EncTicketPart();
        part.decode(EncryptionHandler.decrypt(t.getEncryptedEncPart(),
                new EncryptionKey(AES256, vector("W2022_SERVICE_KEY_AES256")), KeyUsage.KDC_REP_TICKET));
        for (AuthorizationDataEntry e : part.getAuthorizationData().getElements()) {
            if (e.getAuthzType() == AuthorizationType.AD_IF_RELEVANT) {
                AuthorizationData inner = new AuthorizationData();
                inner.decode(e.getAuthzData());
                for (AuthorizationDataEntry p : inner.getElements()) {
                    if (p.getAuthzType() == AuthorizationType.AD_WIN2K_PAC) {
                        return p.getAuthzData();
                    }
                }
            }
        }
        throw new IllegalStateException("no PAC in the Windows 2022 ticket");
    }

    // ---------------------------------------------------------------- tickets and authenticators

    /** What goes into a ticket; the defaults are an AES256 ticket for alice to cifs/ with a PAC. */
    private static final class Spec {
        KerberosName server = KerberosFixture.CIFS;
        KerberosName client = KerberosFixture.CLIENT;
        EncryptionType ticketType = AES256;
        /** The enc-part's kvno, null for none (the keytab's newest then). */
        Long kvno = KerberosFixture.KVNO;
        EncryptionKey sessionKey = KerberosFixture.sessionKey(AES256);
        Instant startTime;
        Instant endTime = KerberosFixture.END_TIME;
        int flags = WINDOWS_TICKET_FLAGS;
        AuthorizationData authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.serviceKey()).build()));

        Spec session(EncryptionType type) {
            sessionKey = KerberosFixture.sessionKey(type);
            return this;
        }

        EncryptionKey ticketKey() {
            return KerberosFixture.machineKey(kvno == null ? KerberosFixture.KVNO : kvno, ticketType);
        }
    }

    private static AuthorizationDataEntry pacEntry(byte[] pac) {
        return new AuthorizationDataEntry(AuthorizationType.AD_WIN2K_PAC, pac);
    }

    private static AuthorizationData ifRelevant(AuthorizationDataEntry... inner) {
        AuthorizationData relevant = new AuthorizationData();
        for (AuthorizationDataEntry e : inner) {
            relevant.add(e);
        }
        AuthorizationData outer = new AuthorizationData();
        try {
            outer.add(new AuthorizationDataEntry(AuthorizationType.AD_IF_RELEVANT, relevant.encode()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return outer;
    }

    private static EncTicketPart encTicketPart(Spec spec) {
        EncTicketPart part = new EncTicketPart();
        part.setFlags(new TicketFlags(spec.flags));
        part.setKey(spec.sessionKey);
        part.setCrealm(spec.client.realm());
        part.setCname(spec.client.toKerby());
        TransitedEncoding transited = new TransitedEncoding();
        transited.setTrType(TransitedEncodingType.DOMAIN_X500_COMPRESS);
        transited.setContents(new byte[0]);
        part.setTransited(transited);
        part.setAuthTime(new KerberosTime(KerberosFixture.AUTH_TIME.toEpochMilli()));
        if (spec.startTime != null) {
            part.setStartTime(new KerberosTime(spec.startTime.toEpochMilli()));
        }
        part.setEndTime(new KerberosTime(spec.endTime.toEpochMilli()));
        if (spec.authorizationData != null) {
            part.setAuthorizationData(spec.authorizationData);
        }
        return part;
    }

    /** The ticket as a KDC issues it, encrypted with the fixture's machine key. */
    private static InitiatorTicket ticket(Spec spec) throws Exception {
        EncryptedData enc = EncryptionHandler.encrypt(encTicketPart(spec).encode(), spec.ticketKey(),
                KeyUsage.KDC_REP_TICKET);
        if (spec.kvno != null) {
            enc.setKvno(spec.kvno.intValue());
        }
        Ticket ticket = new Ticket();
        ticket.setSname(spec.server.toKerby());
        ticket.setRealm(spec.server.realm());
        ticket.setEncryptedEncPart(enc);
        return new InitiatorTicket(ticket, spec.sessionKey, spec.client.toKerby(), spec.client.realm());
    }

    /** The parts of a hand-made authenticator; by default the initiator's checksum, a sequence number, no subkey. */
    private static final class Auth {
        KerberosName cname = KerberosFixture.CLIENT;
        int version = 5;
        Instant time = KerberosFixture.NOW;
        CheckSum checksum = AuthenticatorChecksum.of(null, SMB_FLAGS).toKerby();
        EncryptionKey subkey;
        Integer seqNumber = 0x2a5e1;
    }

    private static Authenticator authenticator(Auth auth) {
        Authenticator a = new Authenticator();
        a.setAuthenticatorVno(auth.version);
        a.setCrealm(auth.cname.realm());
        a.setCname(auth.cname.toKerby());
        if (auth.checksum != null) {
            a.setCksum(auth.checksum);
        }
        a.setCtime(new KerberosTime(auth.time.getEpochSecond() * 1000));
        a.setCusec(auth.time.getNano() / 1000);
        if (auth.subkey != null) {
            a.setSubKey(auth.subkey);
        }
        if (auth.seqNumber != null) {
            a.setSeqNumber(auth.seqNumber);
        }
        return a;
    }

    /** A GSS checksum value written raw: any type, flags and length. */
    private static final class RawChecksum extends CheckSum {
        RawChecksum(int type, byte[] value) {
            setFieldAsInt(CheckSumField.CKSUM_TYPE, type);
            setChecksum(value);
        }
    }

    /** The 0x8003 checksum value with raw flags (DCE style, say) and {@code extra} trailing bytes. */
    private static CheckSum gssChecksum(int flags, int extra) {
        byte[] v = new byte[24 + extra];
        v[0] = 16;
        v[20] = (byte) flags;
        v[21] = (byte) (flags >>> 8);
        return new RawChecksum(AuthenticatorChecksum.CHECKSUM_TYPE, v);
    }

    private static EncryptionKey randomKey(EncryptionType type) throws Exception {
        byte[] in = new byte[EncryptionHandler.getEncHandler(type).keyInputSize()];
        RANDOM.nextBytes(in);
        return EncryptionHandler.random2Key(type, in);
    }

    /** The initiator's framed AP-REQ for {@code ticket}. */
    private static byte[] initiatorToken(InitiatorTicket ticket, Set<ContextFlag> flags, ChannelBindings bindings)
            throws Exception {
        return new Krb5InitiatorContext(ticket, flags, bindings, RANDOM, CLOCK).initialToken();
    }

    /** A framed AP-REQ with a hand-made authenticator. */
    private static byte[] handMadeToken(InitiatorTicket ticket, Auth auth, int apOptionsByte) throws Exception {
        ApReq req = new ApReq();
        req.setApOptions(new ApOptions(apOptionsByte << 24));
        req.setTicket(ticket.ticket());
        req.setEncryptedAuthenticator(EncryptionHandler.encrypt(authenticator(auth).encode(), ticket.sessionKey(),
                KeyUsage.AP_REQ_AUTH));
        return new Krb5MechToken(Krb5MechToken.AP_REQ, req.encode()).encode();
    }

    private static byte[] body(byte[] framed) throws Exception {
        return Krb5MechToken.decode(framed).body();
    }

    /** {@code framed}'s AP-REQ framed again under Windows' OID 1.2.840.48018.1.2.2. */
    private static byte[] windowsOid(byte[] framed) throws Exception {
        return DerWriter.tlv(0x60, DerWriter.oid(Oid.MS_KRB5), new byte[] {1, 0}, body(framed));
    }

    // ---------------------------------------------------------------- the acceptor's seeds

    private static byte[] raw(byte[] token) {
        return prefixed(0, token);
    }

    private static byte[] sealed(EncryptionType ticketType, int kvno, EncryptionType sessionType, int apOptions,
            boolean windowsOid, boolean bare, Spec spec, Auth auth) throws Exception {
        spec.ticketType = ticketType;
        spec.session(sessionType);
        byte[] layout = SealedApReq.layout(SealedApReq.header(ticketType, kvno, sessionType, windowsOid, bare),
                apOptions, encTicketPart(spec).encode(), authenticator(auth).encode());
        return prefixed(1, layout);
    }

    private static byte[] prefixed(int first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static List<byte[]> acceptorSeeds() throws Exception {
        List<byte[]> out = new ArrayList<>();
        // the token as the client sends it
        out.add(raw(initiatorToken(ticket(new Spec()), SMB_FLAGS, null)));
        Spec aes128 = new Spec().session(AES128);
        aes128.ticketType = AES128;
        aes128.authorizationData = null;
        out.add(raw(windowsOid(initiatorToken(ticket(aes128), EnumSet.of(ContextFlag.INTEGRITY), null))));
        out.add(raw(body(initiatorToken(ticket(new Spec()), SMB_FLAGS, null))));
        Spec rc4 = new Spec().session(RC4);
        rc4.ticketType = RC4;
        rc4.authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.machineKey(KerberosFixture.KVNO, RC4))
                .build()));
        Auth rc4Auth = new Auth();
        rc4Auth.subkey = randomKey(RC4);
        out.add(raw(handMadeToken(ticket(rc4), rc4Auth, MUTUAL_REQUIRED)));
        Spec old = new Spec();
        old.kvno = 1L;
        old.server = KerberosFixture.SPNS.getFirst();
        old.authorizationData = null;
        out.add(raw(initiatorToken(ticket(old), EnumSet.noneOf(ContextFlag.class), null)));
        Spec noKvno = new Spec();
        noKvno.kvno = null;
        noKvno.startTime = KerberosFixture.AUTH_TIME;
        out.add(raw(initiatorToken(ticket(noKvno), SMB_FLAGS, null)));
        Spec stranger = new Spec();
        stranger.server = KerberosName.parse("cifs/other.example.test@EXAMPLE.TEST", null);
        out.add(raw(initiatorToken(ticket(stranger), SMB_FLAGS, null)));
        out.add(raw(windows2022ApReq()));

        // plaintext ticket and authenticator, sealed by the target
        out.add(sealed(AES256, 2, AES256, MUTUAL_REQUIRED, false, false, new Spec(), withSubkey(AES256)));
        Spec noPac = new Spec();
        noPac.authorizationData = null;
        Auth plain = new Auth();
        plain.checksum = AuthenticatorChecksum.of(null, EnumSet.of(ContextFlag.INTEGRITY)).toKerby();
        plain.seqNumber = null;
        out.add(sealed(AES128, 0, AES128, 0, true, false, noPac, plain));
        Spec rc4Sealed = new Spec();
        rc4Sealed.kvno = 1L;
        rc4Sealed.authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.machineKey(1, RC4)).build()));
        out.add(sealed(RC4, 1, RC4, MUTUAL_REQUIRED, false, true, rc4Sealed, withSubkey(RC4)));
        Spec started = new Spec();
        started.startTime = KerberosFixture.AUTH_TIME.plusSeconds(1);
        started.authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.serviceKey())
                .withTicketAndFullChecksums().build()));
        Auth bound = new Auth();
        bound.checksum = AuthenticatorChecksum.of(ChannelBindings.ofApplicationData(new byte[] {1, 2, 3}), SMB_FLAGS)
                .toKerby();
        out.add(sealed(AES256, 2, AES256, MUTUAL_REQUIRED, false, false, started, bound));
        Auth dce = new Auth();
        dce.checksum = gssChecksum(0x1000 | 0x3e, 0);
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), dce));
        Auth delegation = new Auth();
        delegation.checksum = gssChecksum(0x3f, 8);
        delegation.seqNumber = -5;
        out.add(sealed(AES256, 2, AES256, MUTUAL_REQUIRED, false, false, new Spec(), delegation));
        Auth otherType = new Auth();
        otherType.checksum = new RawChecksum(16, new byte[12]);
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), otherType));
        Auth noChecksum = new Auth();
        noChecksum.checksum = null;
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), noChecksum));
        Spec invalid = new Spec();
        invalid.flags = WINDOWS_TICKET_FLAGS | INVALID_FLAG;
        out.add(sealed(AES256, 2, AES256, 0, false, false, invalid, new Auth()));
        Spec expired = new Spec();
        expired.endTime = KerberosFixture.NOW.minus(Duration.ofMinutes(10));
        out.add(sealed(AES256, 2, AES256, 0, false, false, expired, new Auth()));
        Spec future = new Spec();
        future.startTime = KerberosFixture.NOW.plus(Duration.ofMinutes(10));
        out.add(sealed(AES256, 2, AES256, 0, false, false, future, new Auth()));
        Auth bob = new Auth();
        bob.cname = BOB;
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), bob));
        Auth skewed = new Auth();
        skewed.time = KerberosFixture.NOW.plus(Duration.ofMinutes(10));
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), skewed));
        Auth version4 = new Auth();
        version4.version = 4;
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), version4));
        Spec twoPacs = new Spec();
        twoPacs.authorizationData = ifRelevant(pacEntry(new byte[8]), pacEntry(new byte[16]));
        twoPacs.authorizationData.add(pacEntry(new byte[24])); // outside AD-IF-RELEVANT: ignored
        out.add(sealed(AES256, 2, AES256, 0, false, false, twoPacs, new Auth()));
        out.add(sealed(AES256, 2, AES256, 0, false, false, new Spec(), withSubkey(EncryptionType.DES_CBC_MD5)));
        Spec desSession = new Spec();
        desSession.sessionKey = new EncryptionKey(EncryptionType.DES_CBC_MD5, new byte[8]);
        byte[] desLayout = SealedApReq.layout(SealedApReq.header(AES256, 2, AES256, false, false), 0,
                encTicketPart(desSession).encode(), authenticator(new Auth()).encode());
        out.add(prefixed(1, desLayout));
        // found by the long run of 2026-12-07 (docs/fuzzing-results.md): a checksum whose cksumtype is an
        // empty INTEGER, which Kerby decodes to null and then cannot encode again
        byte[] emptyType = SealedApReq.layout(SealedApReq.header(AES256, 2, AES256, false, false), 0,
                encTicketPart(new Spec()).encode(), emptyChecksumTypeAuthenticator());
        out.add(prefixed(1, emptyType));
        return out;
    }

    /**
     * Alice's authenticator at {@link KerberosFixture#NOW} with the GSS checksum value but an empty
     * cksumtype INTEGER (02 00); written with DerWriter because Kerby cannot encode it.
     */
    private static byte[] emptyChecksumTypeAuthenticator() {
        byte[] checksum = DerWriter.sequence(DerWriter.context(0, new byte[] {0x02, 0x00}),
                DerWriter.context(1, DerWriter.octetString(AuthenticatorChecksum.of(null, SMB_FLAGS).encode())));
        byte[] cname = DerWriter.sequence(DerWriter.context(0, DerWriter.tlv(0x02, new byte[] {1})),
                DerWriter.context(1, DerWriter.sequence(DerWriter.generalString(KerberosFixture.CLIENT_NAME))));
        int cusec = KerberosFixture.NOW.getNano() / 1000;
        return DerWriter.tlv(0x62, DerWriter.sequence(DerWriter.context(0, DerWriter.tlv(0x02, new byte[] {5})),
                DerWriter.context(1, DerWriter.generalString(KerberosFixture.REALM)), DerWriter.context(2, cname),
                DerWriter.context(3, checksum),
                DerWriter.context(4, DerWriter.tlv(0x02, new byte[] {(byte) (cusec >>> 16), (byte) (cusec >>> 8),
                        (byte) cusec})),
                DerWriter.context(5, DerWriter.tlv(0x18, "20260314150926Z".getBytes(StandardCharsets.US_ASCII)))));
    }

    private static Auth withSubkey(EncryptionType type) throws Exception {
        Auth a = new Auth();
        a.subkey = randomKey(type);
        return a;
    }

    /** MIT's Windows Server 2022 ticket in an AP-REQ whose authenticator is noise: not for us. */
    private static byte[] windows2022ApReq() throws Exception {
        Ticket t = new Ticket();
        t.decode(vector("W2022_TICKET"));
        byte[] noise = new byte[96];
        RANDOM.nextBytes(noise);
        ApReq req = new ApReq();
        req.setApOptions(new ApOptions(MUTUAL_REQUIRED << 24));
        req.setTicket(t);
        EncryptedData authenticator = new EncryptedData();
        authenticator.setEType(AES256);
        authenticator.setCipher(noise);
        req.setEncryptedAuthenticator(authenticator);
        return new Krb5MechToken(Krb5MechToken.AP_REQ, req.encode()).encode();
    }

    // ---------------------------------------------------------------- SPNEGO's seeds

    private static List<byte[]> spnegoSeeds() throws Exception {
        List<Oid> windows = List.of(Oid.MS_KRB5, Oid.KRB5, Oid.NEGOEX, Oid.NTLMSSP);
        List<byte[]> out = new ArrayList<>();
        // Windows: Kerberos first, mutual, integrity: answered with our MIC, the client's awaited
        out.add(new NegTokenInit(windows, initiatorToken(ticket(new Spec()), SMB_FLAGS, null)).encodeInitialToken());
        // no mutual authentication: the client's mechListMIC comes with the AP-REQ and is checked at once
        Krb5InitiatorContext noMutual = new Krb5InitiatorContext(ticket(new Spec()), EnumSet.of(ContextFlag.INTEGRITY,
                ContextFlag.CONFIDENTIALITY), null, RANDOM, CLOCK);
        byte[] token = noMutual.initialToken();
        byte[] mechTypes = new NegTokenInit(List.of(Oid.KRB5), token).mechTypesDer();
        out.add(new NegTokenInit(List.of(Oid.KRB5), mechTypes, null, token, noMutual.getMic(mechTypes))
                .encodeInitialToken());
        // a ticket without a PAC, the bare AP-REQ: refused
        Spec noPac = new Spec();
        noPac.authorizationData = null;
        out.add(new NegTokenInit(List.of(Oid.KRB5), body(initiatorToken(ticket(noPac), SMB_FLAGS, null)))
                .encodeInitialToken());
        // a raw GSS Kerberos token without SPNEGO
        out.add(initiatorToken(ticket(new Spec()), EnumSet.noneOf(ContextFlag.class), null));
        // NTLMSSP preferred: Kerberos picked second, its optimistic token dropped
        out.add(new NegTokenInit(List.of(Oid.NTLMSSP, Oid.MS_KRB5), initiatorToken(ticket(new Spec()), SMB_FLAGS,
                null)).encodeInitialToken());
        // a PAC naming another client: refused after the acceptor accepted the ticket
        Spec mallory = new Spec();
        mallory.authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.serviceKey()).clientInfoName("mallory")
                .build()));
        out.add(new NegTokenInit(windows, windowsOid(initiatorToken(ticket(mallory), SMB_FLAGS, null)))
                .encodeInitialToken());
        // RC4: logged on without integrity, so no mechListMIC; reqFlags present
        Spec rc4 = new Spec().session(RC4);
        rc4.ticketType = RC4;
        rc4.authorizationData = ifRelevant(pacEntry(pac(KerberosFixture.machineKey(KerberosFixture.KVNO, RC4))
                .build()));
        Auth rc4Auth = new Auth();
        rc4Auth.subkey = randomKey(RC4);
        byte[] rc4Token = handMadeToken(ticket(rc4), rc4Auth, MUTUAL_REQUIRED);
        out.add(new NegTokenInit(windows, null, new byte[] {0x00}, rc4Token, null).encodeInitialToken());
        return out;
    }

    // ---------------------------------------------------------------- files

    private static void write(Path dir, List<byte[]> seeds) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                Files.delete(p);
            }
        }
        for (byte[] seed : seeds) {
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed));
            Files.write(dir.resolve("seed-" + sha1.substring(0, 16)), seed);
        }
        System.out.printf("%-60s %3d seeds%n", dir, seeds.size());
    }
}
