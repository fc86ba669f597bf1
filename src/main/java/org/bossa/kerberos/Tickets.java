package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.type.kdc.EncKdcRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcRep;

/** Builds our immutable tickets from a decrypted KDC reply, after checking it answers our request. */
final class Tickets {
    private Tickets() {
    }

    /**
     * @param asReply whether the reply is an AS-REP (whose authtime the KDC stamped just now) rather
     *                than a TGS-REP (whose authtime is the TGT's and whose starttime is now)
     */
    static KerberosTicket from(KdcRep rep, EncKdcRepPart enc, int nonce, Instant received, KerberosName client,
                               boolean asReply, KdcAddress kdc) throws KerberosException {
        // RFC 4120 3.1.5: the nonce ties the reply to this request (no replayed reply).
        if (enc.getNonce() != nonce) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "the reply from " + kdc
                    + " carries another request's nonce");
        }
        if (rep.getTicket() == null || enc.getKey() == null || enc.getAuthTime() == null || enc.getEndTime() == null
                || enc.getSname() == null || rep.getCname() == null) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "the reply from " + kdc
                    + " lacks a ticket, session key, client, service or times");
        }
        KerberosName cname = KerberosName.fromKerby(rep.getCname(), rep.getCrealm());
        KerberosName sname = KerberosName.fromKerby(enc.getSname(), enc.getSrealm());
        Instant authTime = KdcMessages.instant(enc.getAuthTime());
        Instant start = enc.getStartTime() == null ? authTime : KdcMessages.instant(enc.getStartTime());
        Instant end = KdcMessages.instant(enc.getEndTime());
        Instant renewTill = KdcMessages.instant(enc.getRenewTill());
        // The KDC stamped authtime (AS) or starttime (TGS) as it made the reply: its clock minus ours.
        Instant kdcStamp = asReply ? authTime : start;
        Duration offset = Duration.between(received, kdcStamp);
        byte[] ticket = KdcMessages.encode(rep.getTicket());
        if (sname.isKrbtgt() && sname.components().get(1).equalsIgnoreCase(client.realm())) {
            return new Tgt(cname, sname, ticket, enc.getKey(), KdcMessages.flags(enc.getFlags()), authTime, start, end,
                    renewTill, offset);
        }
        return new ServiceTicket(cname, sname, ticket, enc.getKey(), KdcMessages.flags(enc.getFlags()), authTime,
                start, end, renewTill, offset);
    }
}
