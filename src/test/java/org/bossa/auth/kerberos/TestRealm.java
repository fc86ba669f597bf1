package org.bossa.auth.kerberos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.Keytab;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.KeytabFile;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5MechToken;

/**
 * A KDC in miniature for the acceptor tests: the machine account's keys per kvno and enctype, a
 * keytab with every SPN of the machine, and tickets issued under those keys with whatever times,
 * flags and authorization data a test wants.
 */
final class TestRealm {
    static final String REALM = "EXAMPLE.TEST";
    static final Instant NOW = Instant.parse("2026-03-14T15:09:26.535897Z");
    static final KerberosName ALICE = KerberosName.parse("alice@EXAMPLE.TEST", null);
    static final KerberosName CIFS = KerberosName.parse("cifs/filesrv.example.test@EXAMPLE.TEST", null);
    /** Every name the machine answers to, as {@code bossa join} writes them. */
    static final List<KerberosName> SPNS = List.of(KerberosName.parse("host/FILESRV@EXAMPLE.TEST", null),
            KerberosName.parse("host/filesrv.example.test@EXAMPLE.TEST", null), CIFS,
            KerberosName.parse("cifs/FILESRV@EXAMPLE.TEST", null), KerberosName.parse("FILESRV$@EXAMPLE.TEST", null));
    static final List<EncryptionType> ENCTYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.ARCFOUR_HMAC);

    final SecureRandom random = new SecureRandom();
    private final Map<String, EncryptionKey> machineKeys = new HashMap<>();

    /** The machine account's key of {@code kvno} and {@code type} (made on first use). */
    EncryptionKey machineKey(long kvno, EncryptionType type) {
        return machineKeys.computeIfAbsent(kvno + "/" + type, k -> randomKey(type));
    }

    EncryptionKey randomKey(EncryptionType type) {
        try {
            byte[] in = new byte[EncryptionHandler.getEncHandler(type).keyInputSize()];
            random.nextBytes(in);
            return EncryptionHandler.random2Key(type, in);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Writes the keytab of the given kvnos (all SPNs, all three enctypes). */
    void writeKeytab(Path file, long... kvnos) throws Exception {
        List<KeytabEntry> entries = new ArrayList<>();
        for (long kvno : kvnos) {
            for (KerberosName spn : SPNS) {
                for (EncryptionType type : ENCTYPES) {
                    entries.add(KeytabEntry.of(spn, NOW, kvno, machineKey(kvno, type)));
                }
            }
        }
        KeytabFile.write(file, new Keytab(entries));
    }

    /** What goes into a ticket; every field has the value of an ordinary AES256 ticket for alice. */
    static final class Spec {
        KerberosName server = CIFS;
        KerberosName client = ALICE;
        EncryptionType ticketType = EncryptionType.AES256_CTS_HMAC_SHA1_96;
        Long kvno = 2L;
        EncryptionType sessionType = EncryptionType.AES256_CTS_HMAC_SHA1_96;
        Instant authTime = NOW.minus(Duration.ofHours(1));
        Instant startTime;
        Instant endTime = NOW.plus(Duration.ofHours(9));
        int flags;
        /** The ticket's authorization-data; by default one AD-IF-RELEVANT holding one PAC. */
        AuthorizationData authorizationData = ifRelevant(pac(PAC));
        /** Encrypt with this key instead of the machine key (a ticket for someone else). */
        EncryptionKey foreignKey;

        Spec with(java.util.function.Consumer<Spec> change) {
            change.accept(this);
            return this;
        }
    }

    static final byte[] PAC = "a PAC the acceptor does not look into".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static AuthorizationDataEntry pac(byte[] bytes) {
        return new AuthorizationDataEntry(AuthorizationType.AD_WIN2K_PAC, bytes);
    }

    static AuthorizationData ifRelevant(AuthorizationDataEntry... inner) {
        AuthorizationData relevant = new AuthorizationData();
        for (AuthorizationDataEntry e : inner) {
            relevant.add(e);
        }
        AuthorizationData outer = new AuthorizationData();
        try {
            outer.add(new AuthorizationDataEntry(AuthorizationType.AD_IF_RELEVANT, relevant.encode()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return outer;
    }

    /** A ticket as the KDC would issue it, with its session key and client name for the initiator. */
    InitiatorTicket issue(Spec spec) throws Exception {
        EncryptionKey session = randomKey(spec.sessionType);
        EncTicketPart part = new EncTicketPart();
        part.setFlags(new TicketFlags(spec.flags));
        part.setKey(session);
        part.setCrealm(spec.client.realm());
        part.setCname(spec.client.toKerby());
        TransitedEncoding transited = new TransitedEncoding();
        transited.setTrType(TransitedEncodingType.DOMAIN_X500_COMPRESS);
        transited.setContents(new byte[0]);
        part.setTransited(transited);
        part.setAuthTime(new KerberosTime(spec.authTime.toEpochMilli()));
        if (spec.startTime != null) {
            part.setStartTime(new KerberosTime(spec.startTime.toEpochMilli()));
        }
        part.setEndTime(new KerberosTime(spec.endTime.toEpochMilli()));
        if (spec.authorizationData != null) {
            part.setAuthorizationData(spec.authorizationData);
        }
        EncryptionKey serviceKey = spec.foreignKey != null ? spec.foreignKey
                : machineKey(spec.kvno == null ? 2 : spec.kvno, spec.ticketType);
        EncryptedData enc = EncryptionHandler.encrypt(part.encode(), new EncryptionKey(serviceKey.getKeyType(),
                serviceKey.getKeyData()), KeyUsage.KDC_REP_TICKET);
        if (spec.kvno != null) {
            enc.setKvno(spec.kvno.intValue());
        }
        Ticket ticket = new Ticket();
        ticket.setSname(spec.server.toKerby());
        ticket.setRealm(spec.server.realm());
        ticket.setEncryptedEncPart(enc);
        return new InitiatorTicket(ticket, session, spec.client.toKerby(), spec.client.realm());
    }

    /** The parts of a hand-made authenticator, for what {@code Krb5InitiatorContext} will not produce. */
    static final class Auth {
        Instant time = NOW;
        CheckSum checksum;
        EncryptionKey subkey;
        Integer seqNumber = 12345;
        int apOptions = 0x20000000; // MUTUAL-REQUIRED
        KerberosName cname;
    }

    /** A framed AP-REQ with a hand-made authenticator. */
    static byte[] apReq(InitiatorTicket ticket, Auth auth) throws Exception {
        Authenticator a = new Authenticator();
        a.setAuthenticatorVno(5);
        KerberosName cname = auth.cname != null ? auth.cname
                : KerberosName.fromKerby(ticket.clientName(), ticket.clientRealm());
        a.setCrealm(cname.realm());
        a.setCname(cname.toKerby());
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
        ApReq req = new ApReq();
        req.setApOptions(new ApOptions(auth.apOptions));
        req.setTicket(ticket.ticket());
        req.setEncryptedAuthenticator(EncryptionHandler.encrypt(a.encode(), ticket.sessionKey(), KeyUsage.AP_REQ_AUTH));
        return new Krb5MechToken(Krb5MechToken.AP_REQ, req.encode()).encode();
    }

    /** The AP-REQ inside a framed token, decoded. */
    static ApReq unframe(byte[] token) throws Exception {
        ApReq req = new ApReq();
        req.decode(Krb5MechToken.decode(token).body());
        return req;
    }

    static byte[] frame(ApReq req) throws Exception {
        return new Krb5MechToken(Krb5MechToken.AP_REQ, req.encode()).encode();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
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
