package org.bossa.auth.kerberos;

import java.util.Optional;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationDataEntry;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationType;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.Der;

/**
 * Finds the PAC in a ticket's authorization data. MS-PAC 2.4 / MS-KILE 3.3.5.7: the KDC puts one
 * AD-WIN2K-PAC (128) element inside an AD-IF-RELEVANT (1) element of EncTicketPart's
 * authorization-data; the AD-IF-RELEVANT's ad-data is itself a DER AuthorizationData.
 *
 * <p>Only that place counts. The Authenticator's authorization data is the client's own and never
 * searched; a PAC outside AD-IF-RELEVANT is not where a KDC puts one and is ignored. Two PACs are
 * refused: which one a validator would look at would be a guess, and an attacker who could add one
 * would choose.
 */
final class PacFinder {
    private PacFinder() {
    }

    /** The raw PAC of a ticket whose EncTicketPart carries {@code ticketData} (null: none). */
    static Optional<byte[]> find(AuthorizationData ticketData) throws Rejection {
        if (ticketData == null || ticketData.getElements() == null) {
            return Optional.empty();
        }
        byte[] pac = null;
        for (AuthorizationDataEntry entry : ticketData.getElements()) {
            if (entry.getAuthzType() != AuthorizationType.AD_IF_RELEVANT) {
                continue;
            }
            byte[] inner = entry.getAuthzData();
            if (inner == null) {
                throw new Rejection(Kind.MALFORMED, "an AD-IF-RELEVANT element of the ticket has no ad-data");
            }
            AuthorizationData relevant = KerbyDecoding.decode(inner, Der.SEQUENCE, AuthorizationData::new,
                    "the ticket's AD-IF-RELEVANT");
            if (relevant.getElements() == null) {
                continue;
            }
            for (AuthorizationDataEntry e : relevant.getElements()) {
                if (e.getAuthzType() != AuthorizationType.AD_WIN2K_PAC) {
                    continue;
                }
                if (pac != null) {
                    throw new Rejection(Kind.MALFORMED, "the ticket carries more than one PAC");
                }
                pac = e.getAuthzData();
                if (pac == null) {
                    throw new Rejection(Kind.MALFORMED, "the ticket's AD-WIN2K-PAC element has no data");
                }
            }
        }
        return Optional.ofNullable(pac);
    }
}
