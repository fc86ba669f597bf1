package org.bossa.kerberos;

import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;

/**
 * KRB_AP_REQ (RFC 4120 5.5.1) built from a ticket we hold: the authenticator names our client,
 * carries the time by the KDC's clock (local time plus the offset measured at the AS exchange, as
 * MIT's kdc_timesync does), and optionally a checksum, a subkey and a sequence number. Used inside
 * TGS-REQ (key usage 7) and for kpasswd (key usage 11).
 */
public final class ApRequests {
    private ApRequests() {
    }

    /** What went into the authenticator, which the caller needs to process the reply. */
    public record Authenticated(byte[] apReq, Instant ctime, int cusec) {
    }

    /**
     * @param checksum optional (TGS-REQ: the checksum of the request body)
     * @param subkey optional (kpasswd: the key for the KRB-PRIV)
     * @param seqNumber optional initial sequence number
     * @param usage {@link KeyUsage#TGS_REQ_AUTH} or {@link KeyUsage#AP_REQ_AUTH}
     */
    public static Authenticated build(KerberosTicket ticket, Instant localNow, CheckSum checksum, EncryptionKey subkey,
                                      Integer seqNumber, boolean mutualRequired, KeyUsage usage)
            throws KerberosException {
        Instant kdcNow = localNow.plus(ticket.clockOffset());
        int cusec = kdcNow.getNano() / 1000;
        Authenticator auth = new Authenticator();
        auth.setAuthenticatorVno(5);
        auth.setCrealm(ticket.client().realm());
        auth.setCname(ticket.client().toKerby());
        if (checksum != null) {
            auth.setCksum(checksum);
        }
        auth.setCtime(KdcMessages.time(kdcNow));
        auth.setCusec(cusec);
        if (subkey != null) {
            auth.setSubKey(subkey);
        }
        if (seqNumber != null) {
            auth.setSeqNumber(seqNumber);
        }
        ApReq req = new ApReq();
        ApOptions options = new ApOptions();
        if (mutualRequired) {
            options.setFlag(ApOption.MUTUAL_REQUIRED);
        }
        req.setApOptions(options);
        req.setTicket(ticket.ticket());
        EncryptionKey key = ticket.sessionKey();
        try {
            req.setEncryptedAuthenticator(EncryptionHandler.encrypt(KdcMessages.encode(auth), key, usage));
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "cannot encrypt the authenticator: "
                    + e.getMessage(), e);
        }
        return new Authenticated(KdcMessages.encode(req), kdcNow, cusec);
    }
}
