package org.bossa.kerberos.kpasswd;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.EncKrbPrivPart;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.KrbPriv;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.HostAddress;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.bossa.kerberos.ApRequests;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.KdcAddress;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KerberosFailure;
import org.bossa.kerberos.KrbErrorMessage;
import org.bossa.kerberos.ServiceTicket;

/**
 * One kpasswd exchange (RFC 3244 2): the request is an AP-REQ for kadmin/changepw whose
 * authenticator carries a random subkey and sequence number, and a KRB-PRIV whose EncKrbPrivPart
 * (sealed with the subkey, key usage 13) holds the ChangePasswdData. The reply's AP-REP proves the
 * server (its enc-part, key usage 12, echoes our authenticator's time) and its KRB-PRIV carries the
 * result; a reply with an empty AP-REP carries a KRB-ERROR whose e-data is the result.
 * Not thread-safe: {@link #encode} remembers the authenticator time that {@link #readReply} checks.
 */
final class KpasswdRequest {
    private final ServiceTicket ticket;
    private final byte[] userData;
    private final EncryptionKey subkey;
    private final int seqNumber;
    private Instant ctime;
    private int cusec;

    KpasswdRequest(ServiceTicket ticket, ChangePasswdData data, EncryptionKey subkey, int seqNumber) {
        this.ticket = ticket;
        this.userData = data.encode();
        this.subkey = subkey;
        this.seqNumber = seqNumber;
    }

    /** The framed request, sent from {@code local} (the KRB-PRIV's s-address). */
    byte[] encode(Instant localNow, InetAddress local) throws KerberosException {
        ApRequests.Authenticated ap = ApRequests.build(ticket, localNow, null, subkey, seqNumber, true,
                KeyUsage.AP_REQ_AUTH);
        ctime = ap.ctime();
        cusec = ap.cusec();
        EncKrbPrivPart part = new EncKrbPrivPart();
        part.setUserData(userData);
        part.setTimeStamp(new KerberosTime(ctime.toEpochMilli() / 1000 * 1000));
        part.setUsec(cusec);
        part.setSeqNumber(seqNumber);
        part.setSAddress(new HostAddress(local));
        KrbPriv priv = new KrbPriv();
        try {
            priv.setEncryptedEncPart(EncryptionHandler.encrypt(KrbCodec.encode(part), subkey, KeyUsage.KRB_PRIV_ENCPART));
            return new KpasswdMessage(KpasswdMessage.VERSION_SET_PASSWORD, ap.apReq(), KrbCodec.encode(priv)).encode();
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "cannot build the KRB-PRIV: " + e.getMessage(), e);
        } finally {
            part.setUserData(new byte[0]);
        }
    }

    /** The result the server sent, after checking the reply comes from the holder of the ticket's key. */
    KpasswdResult readReply(byte[] reply, KdcAddress server, Instant localNow) throws KerberosException, KpasswdException {
        try {
            if (KrbErrorMessage.is(reply)) { // some servers send a bare KRB-ERROR when they cannot parse the request
                return fromError(reply, server, localNow);
            }
            KpasswdMessage m = KpasswdMessage.decode(reply);
            if (m.version() != KpasswdMessage.VERSION_CHANGE_PASSWORD && m.version() != KpasswdMessage.VERSION_SET_PASSWORD) {
                throw protocol(server, "reply version 0x" + Integer.toHexString(m.version()));
            }
            if (m.apMessage().length == 0) {
                return fromError(m.privOrError(), server, localNow);
            }
            ApRep apRep = KrbCodec.decode(m.apMessage(), ApRep.class);
            EncAPRepPart enc = KrbCodec.decode(EncryptionHandler.decrypt(apRep.getEncryptedEncPart(),
                    ticket.sessionKey(), KeyUsage.AP_REP_ENCPART), EncAPRepPart.class);
            // RFC 4120 3.2.5: the AP-REP must echo our authenticator's ctime and cusec
            if (enc.getCtime() == null || enc.getCtime().getTime() / 1000 != ctime.getEpochSecond()
                    || enc.getCusec() != cusec) {
                throw protocol(server, "the AP-REP does not echo our authenticator's time");
            }
            EncryptionKey replyKey = enc.getSubkey() != null ? enc.getSubkey() : subkey;
            KrbPriv priv = KrbCodec.decode(m.privOrError(), KrbPriv.class);
            EncKrbPrivPart part = KrbCodec.decode(EncryptionHandler.decrypt(priv.getEncryptedEncPart(), replyKey,
                    KeyUsage.KRB_PRIV_ENCPART), EncKrbPrivPart.class);
            return KpasswdResult.decode(part.getUserData() == null ? new byte[0] : part.getUserData());
        } catch (KrbException | KpasswdFormatException | RuntimeException e) {
            throw protocol(server, "malformed reply: " + e.getMessage());
        }
    }

    private KpasswdResult fromError(byte[] krbError, KdcAddress server, Instant localNow)
            throws KerberosException, KpasswdFormatException {
        KrbErrorMessage err;
        try {
            err = KrbErrorMessage.decode(krbError);
        } catch (Der.DerException e) {
            throw protocol(server, "malformed KRB-ERROR: " + e.getMessage());
        }
        byte[] eData = err.eData();
        if (eData != null && eData.length >= 2) {
            KpasswdResult r = KpasswdResult.decode(eData);
            if (r.code() != KpasswdResultCode.SUCCESS) {
                return r;
            }
        }
        throw err.toException(server, ticket.client(), ticket.server(), localNow);
    }

    private static KerberosException protocol(KdcAddress server, String detail) {
        return new KerberosException(KerberosFailure.PROTOCOL_ERROR, "kpasswd at " + server + ": " + detail);
    }

    /** For tests: the sealed user-data as sent. */
    byte[] userData() {
        return Arrays.copyOf(userData, userData.length);
    }

    /** Wipes the copy of the new password. */
    void destroy() {
        Arrays.fill(userData, (byte) 0);
    }
}
