package org.bossa.kerberos;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.kdc.EncKdcRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsReq;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;

/**
 * The TGS exchange (RFC 4120 3.3): a TGS-REQ whose PA-TGS-REQ is an AP-REQ with the TGT and an
 * authenticator (key usage 7) holding a keyed checksum of the request body (key usage 6, the
 * session key's mandatory checksum type); the TGS-REP's enc-part decrypts with the TGT session
 * key (key usage 8).
 */
final class TgsExchange {
    private final KdcConfig config;
    private final KdcTransport transport;
    private final Clock clock;
    private final SecureRandom random;

    TgsExchange(KdcConfig config, KdcTransport transport, Clock clock, SecureRandom random) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
    }

    ServiceTicket run(Tgt tgt, KerberosName service) throws KerberosException {
        Instant now = clock.instant();
        Instant kdcNow = now.plus(tgt.clockOffset());
        int nonce = KdcMessages.nonce(random);
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(KdcMessages.requestOptions());
        body.setRealm(service.realm());
        body.setSname(service.toKerby());
        body.setTill(KdcMessages.time(kdcNow.plus(AsExchange.LIFETIME)));
        body.setNonce(nonce);
        body.setEtypes(config.enctypes());
        byte[] bodyDer = KdcMessages.encode(body);

        EncryptionKey sessionKey = tgt.sessionKey();
        CheckSum checksum;
        try {
            checksum = CheckSumHandler.checksumWithKey(EncryptionHandler.getEncHandler(sessionKey.getKeyType())
                    .checksumType(), bodyDer, sessionKey.getKeyData(), KeyUsage.TGS_REQ_AUTH_CKSUM);
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "cannot checksum the TGS-REQ body: "
                    + e.getMessage(), e);
        }
        byte[] apReq = ApRequests.build(tgt, now, checksum, null, null, false, KeyUsage.TGS_REQ_AUTH).apReq();
        TgsReq req = new TgsReq();
        req.setReqBody(body);
        req.addPaData(new PaDataEntry(PaDataType.TGS_REQ, apReq));

        KdcTransport.Reply reply = transport.send(KdcMessages.encode(req));
        Instant received = clock.instant();
        byte[] m = reply.message();
        if (!KdcMessages.hasTag(m, KdcMessages.TGS_REP_TAG)) {
            throw KdcErrors.toException(KdcErrors.decode(reply), reply.kdc(), tgt.client(), service, received);
        }
        TgsRep rep = KdcMessages.decode(m, TgsRep.class, "TGS-REP");
        byte[] plain;
        try {
            plain = EncryptionHandler.decrypt(rep.getEncryptedEncPart(), sessionKey, KeyUsage.TGS_REP_ENCPART_SESSKEY);
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "the TGS-REP from " + reply.kdc()
                    + " did not decrypt with the TGT session key", e);
        }
        EncKdcRepPart enc = KdcMessages.decodeEncKdcRepPart(plain);
        KerberosTicket t = Tickets.from(rep, enc, nonce, received, tgt.client(), false, reply.kdc());
        if (!(t instanceof ServiceTicket st)) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "asked " + reply.kdc() + " for " + service
                    + " and got a ticket-granting ticket for " + t.server() + " (cross-realm referrals are not followed)");
        }
        return st;
    }
}
