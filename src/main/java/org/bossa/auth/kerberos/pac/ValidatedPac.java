package org.bossa.auth.kerberos.pac;

import java.util.Objects;
import java.util.Optional;
import org.bossa.auth.DomainIdentity;

/**
 * A PAC that {@link PacValidator} has verified and bound to its ticket, with the identity it states.
 *
 * @param identity  the account, domains, user SID, primary group and every group SID (the primary
 *                  group, GroupIds, ExtraSids and, with the resource-groups flag, the resource groups)
 * @param upn       the UPN from UPN_DNS_INFO, empty when there is none (it may be one the KDC
 *                  constructed; see {@link UpnDnsInfo#upnConstructed()} on {@link #pac()})
 * @param userFlags LOGON_INFO's UserFlags
 * @param pac       the whole decoded PAC
 */
public record ValidatedPac(DomainIdentity identity, Optional<String> upn, int userFlags, Pac pac) {
    public ValidatedPac {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(upn, "upn");
        Objects.requireNonNull(pac, "pac");
    }
}
