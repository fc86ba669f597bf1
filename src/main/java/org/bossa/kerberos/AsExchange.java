package org.bossa.kerberos;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2Entry;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.EncKdcRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.PaEncTsEnc;

/**
 * The AS exchange (RFC 4120 3.1) with encrypted-timestamp pre-authentication (5.2.7.2): a first
 * AS-REQ without pre-authentication draws KDC_ERR_PREAUTH_REQUIRED and the PA-ETYPE-INFO2 that
 * names the key type and salt; the second carries PA-ENC-TIMESTAMP under that key; the AS-REP's
 * enc-part decrypts with the same key (key usage 3).
 */
final class AsExchange {
    /** KERB-PA-PAC-REQUEST { include-pac [0] TRUE } (MS-KILE 2.2.3): ask AD for a PAC explicitly. */
    static final byte[] PAC_REQUEST_TRUE = {0x30, 0x05, (byte) 0xA0, 0x03, 0x01, 0x01, (byte) 0xFF};
    /** What we ask for; the KDC caps it at its policy (AD: 10 hours, renewable for 7 days). */
    static final Duration LIFETIME = Duration.ofHours(24);
    static final Duration RENEW_LIFETIME = Duration.ofDays(7);

    private final KdcConfig config;
    private final KdcTransport transport;
    private final Clock clock;
    private final SecureRandom random;

    AsExchange(KdcConfig config, KdcTransport transport, Clock clock, SecureRandom random) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
    }

    /** A ticket for {@code server} (krbtgt for a TGT) as {@code client}, proven with {@code keys}. */
    KerberosTicket run(KerberosName client, KerberosName server, ClientKeys keys) throws KerberosException {
        List<EncryptionType> offer = keys.offer(config.enctypes());
        if (offer.isEmpty()) {
            throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED, "none of the keys given for " + client
                    + " is of an allowed type " + names(config.enctypes()));
        }
        int nonce = nonce();
        KdcTransport.Reply reply = transport.send(KdcMessages.encode(request(client, server, offer, nonce, List.of())));
        if (isAsRep(reply.message())) { // the account does not require pre-authentication
            return finish(reply, client, server, keys, null, nonce);
        }
        KrbErrorMessage err = KdcErrors.decode(reply);
        if (err.errorCode() != KrbErrorMessage.KDC_ERR_PREAUTH_REQUIRED) {
            throw KdcErrors.toException(err, reply.kdc(), client, server, clock.instant());
        }
        EtypeInfo2Entry chosen = choose(KdcMessages.etypeInfo2(KdcMessages.methodData(err.eData())), offer, client);
        EncryptionKey key = keys.key(chosen.getEtype(), chosen.getSalt(), chosen.getS2kParams(), client);
        nonce = nonce();
        PaDataEntry encTs = encryptedTimestamp(key);
        reply = transport.send(KdcMessages.encode(request(client, server, offer, nonce, List.of(encTs))));
        if (!isAsRep(reply.message())) {
            throw KdcErrors.toException(KdcErrors.decode(reply), reply.kdc(), client, server, clock.instant());
        }
        return finish(reply, client, server, keys, key, nonce);
    }

    /** The PA-ETYPE-INFO2 the KDC announces for {@code client}: what a password's keys must be salted with. */
    List<SaltInfo> saltInfo(KerberosName client, List<EncryptionType> etypes) throws KerberosException {
        KerberosName server = KerberosName.krbtgt(config.realm());
        KdcTransport.Reply reply = transport.send(KdcMessages.encode(request(client, server, etypes, nonce(), List.of())));
        List<EtypeInfo2Entry> entries;
        if (isAsRep(reply.message())) {
            AsRep rep = KdcMessages.decode(reply.message(), AsRep.class, "AS-REP");
            entries = KdcMessages.etypeInfo2(KdcMessages.entries(rep.getPaData()));
        } else {
            KrbErrorMessage err = KdcErrors.decode(reply);
            if (err.errorCode() != KrbErrorMessage.KDC_ERR_PREAUTH_REQUIRED) {
                throw KdcErrors.toException(err, reply.kdc(), client, server, clock.instant());
            }
            entries = KdcMessages.etypeInfo2(KdcMessages.methodData(err.eData()));
        }
        List<SaltInfo> out = new ArrayList<>();
        for (EtypeInfo2Entry e : entries) {
            if (e.getEtype() != EncryptionType.NONE) {
                out.add(new SaltInfo(e.getEtype(), e.getSalt(), e.getS2kParams()));
            }
        }
        return out;
    }

    private AsReq request(KerberosName client, KerberosName server, List<EncryptionType> etypes, int nonce,
                          List<PaDataEntry> preauth) {
        Instant now = clock.instant();
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(KdcMessages.requestOptions());
        body.setCname(client.toKerby());
        body.setRealm(client.realm());
        body.setSname(server.toKerby());
        body.setTill(KdcMessages.time(now.plus(LIFETIME)));
        body.setRtime(KdcMessages.time(now.plus(RENEW_LIFETIME)));
        body.setNonce(nonce);
        body.setEtypes(etypes);
        AsReq req = new AsReq();
        req.setReqBody(body);
        for (PaDataEntry e : preauth) {
            req.addPaData(e);
        }
        req.addPaData(new PaDataEntry(PaDataType.PAC_REQUEST, PAC_REQUEST_TRUE.clone()));
        return req;
    }

    /** The first entry (the KDC's preference) whose type we offered. */
    private EtypeInfo2Entry choose(List<EtypeInfo2Entry> entries, List<EncryptionType> offer, KerberosName client)
            throws KerberosException {
        for (EtypeInfo2Entry e : entries) {
            if (offer.stream().anyMatch(o -> o.getValue() == e.getEtype().getValue())) {
                return e;
            }
        }
        if (entries.isEmpty()) { // no PA-ETYPE-INFO2: RFC 4120 defaults, strongest type offered
            EtypeInfo2Entry e = new EtypeInfo2Entry();
            e.setEtype(offer.getFirst());
            return e;
        }
        List<String> offered = entries.stream().map(e -> e.getEtype().getName()).toList();
        throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED, "the KDC has keys for " + client + " only in "
                + offered + ", none of " + names(offer) + (config.allowRc4() ? "" : " (RC4 is not allowed)"));
    }

    private PaDataEntry encryptedTimestamp(EncryptionKey key) throws KerberosException {
        Instant now = clock.instant();
        PaEncTsEnc ts = new PaEncTsEnc();
        ts.setPaTimestamp(KdcMessages.time(now));
        ts.setPaUsec(now.getNano() / 1000);
        try {
            EncryptedData enc = EncryptionHandler.encrypt(KdcMessages.encode(ts), key, KeyUsage.AS_REQ_PA_ENC_TS);
            return new PaDataEntry(PaDataType.ENC_TIMESTAMP, KdcMessages.encode(enc));
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "cannot encrypt PA-ENC-TIMESTAMP: "
                    + e.getMessage(), e);
        }
    }

    private KerberosTicket finish(KdcTransport.Reply reply, KerberosName client, KerberosName server, ClientKeys keys,
                                  EncryptionKey key, int nonce) throws KerberosException {
        Instant received = clock.instant();
        AsRep rep = KdcMessages.decode(reply.message(), AsRep.class, "AS-REP");
        EncryptionType etype = rep.getEncryptedEncPart().getEType();
        if (key == null || key.getKeyType().getValue() != etype.getValue()) {
            // no pre-authentication, or the KDC chose another key: the AS-REP's PA-ETYPE-INFO2 has its salt
            EtypeInfo2Entry info = KdcMessages.etypeInfo2(KdcMessages.entries(rep.getPaData())).stream()
                    .filter(e -> e.getEtype().getValue() == etype.getValue()).findFirst().orElse(null);
            if (config.enctypes().stream().noneMatch(e -> e.getValue() == etype.getValue())) {
                throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED, "the AS-REP for " + client
                        + " is encrypted with " + etype.getName() + ", which is not allowed");
            }
            key = keys.key(etype, info == null ? null : info.getSalt(), info == null ? null : info.getS2kParams(), client);
        }
        byte[] plain;
        try {
            plain = EncryptionHandler.decrypt(rep.getEncryptedEncPart(), key, KeyUsage.AS_REP_ENCPART);
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.WRONG_PASSWORD, "the AS-REP from " + reply.kdc()
                    + " did not decrypt with the key of " + client + " (integrity check failed)", e);
        }
        EncKdcRepPart enc = KdcMessages.decodeEncKdcRepPart(plain);
        return Tickets.from(rep, enc, nonce, received, client, true, reply.kdc());
    }

    private static boolean isAsRep(byte[] message) {
        return KdcMessages.hasTag(message, KdcMessages.AS_REP_TAG);
    }

    private int nonce() {
        return KdcMessages.nonce(random);
    }

    static List<String> names(List<EncryptionType> etypes) {
        return etypes.stream().map(EncryptionType::getName).toList();
    }
}
