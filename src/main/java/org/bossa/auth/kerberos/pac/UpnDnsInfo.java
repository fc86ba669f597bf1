package org.bossa.auth.kerberos.pac;

import java.util.Objects;
import java.util.Optional;
import org.bossa.dtyp.Sid;

/**
 * UPN_DNS_INFO (MS-PAC 2.10): the user's UPN and the DNS name of the account's domain, and with the
 * {@link #HAS_SAM_NAME_AND_SID} flag (Windows Server 2022 KDCs and Samba 4.15+) the sAMAccountName and
 * the user's SID.
 *
 * @param upn           the UPN; "" when the buffer has none (UpnLength 0)
 * @param dnsDomainName the DNS domain name
 * @param flags         U = {@link #UPN_CONSTRUCTED}, S = {@link #HAS_SAM_NAME_AND_SID}
 * @param samName       the SamName, present exactly when the S flag is set
 * @param sid           the user's SID, present exactly when the S flag is set
 */
public record UpnDnsInfo(String upn, String dnsDomainName, int flags, Optional<String> samName, Optional<Sid> sid) {
    /** U: the account has no userPrincipalName; the KDC built the UPN from the SamName and DNS domain. */
    public static final int UPN_CONSTRUCTED = 0x1;
    /** S: the buffer is extended with SamName and Sid. */
    public static final int HAS_SAM_NAME_AND_SID = 0x2;

    public UpnDnsInfo {
        Objects.requireNonNull(upn, "upn");
        Objects.requireNonNull(dnsDomainName, "dnsDomainName");
        Objects.requireNonNull(samName, "samName");
        Objects.requireNonNull(sid, "sid");
        boolean extended = (flags & HAS_SAM_NAME_AND_SID) != 0;
        if (extended != samName.isPresent() || extended != sid.isPresent()) {
            throw new IllegalArgumentException("SamName and Sid are present exactly with the S flag");
        }
    }

    public boolean upnConstructed() {
        return (flags & UPN_CONSTRUCTED) != 0;
    }

    public boolean hasSamNameAndSid() {
        return (flags & HAS_SAM_NAME_AND_SID) != 0;
    }
}
