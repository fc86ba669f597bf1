package org.bossa.idmap;

import org.bossa.dtyp.Sid;

/** Which SIDs belong to a domain that numbers its accounts by RID. */
final class DomainSids {
    private DomainSids() {
    }

    /** {@code S-1-5-21-a-b-c}: the SID of an AD or NT domain (or of a machine's own accounts). */
    static boolean isDomainSid(Sid sid) {
        return sid.identifierAuthority() == 5 && sid.subAuthorityCount() == 4 && sid.subAuthority(0) == 21;
    }

    /** An account of a domain ({@link #isDomainSid}) or of BUILTIN ({@code S-1-5-32-rid}). */
    static boolean isDomainAccount(Sid sid) {
        if (sid.subAuthorityCount() == 0) {
            return false;
        }
        Sid domain = sid.domain();
        return isDomainSid(domain) || domain.equals(Sid.BUILTIN);
    }
}
