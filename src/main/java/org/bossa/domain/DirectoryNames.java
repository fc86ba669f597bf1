package org.bossa.domain;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Objects;
import java.util.Optional;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;

/**
 * Account names to SIDs over an authenticated LDAP connection to a DC: the group whose
 * {@code sAMAccountName} is the name, anywhere under the domain's naming context (the DC's
 * {@code defaultNamingContext}), and its {@code objectSid}. Only group objects match, so a user's
 * name given where a group is meant is "no such group", as Samba's {@code +name} wants a group.
 */
public final class DirectoryNames {
    private final LDAPInterface ldap;

    public DirectoryNames(LDAPInterface ldap) {
        this.ldap = Objects.requireNonNull(ldap);
    }

    /**
     * The SID of the group {@code samAccountName}, empty when the directory has no such group.
     *
     * @throws DomainException when the directory cannot be asked or answers with an error
     */
    public Optional<Sid> groupSid(String samAccountName) {
        try {
            Entry root = ldap.getRootDSE();
            String base = root == null ? null : root.getAttributeValue("defaultNamingContext");
            if (base == null) {
                throw new DomainException(DomainException.Cause.PROTOCOL, "the DC's rootDSE names no defaultNamingContext");
            }
            // The SDK escapes the value (RFC 4515), so a name with '*' or ')' matches only itself.
            SearchResultEntry e = ldap.searchForEntry(base, SearchScope.SUB,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                            Filter.createEqualityFilter("sAMAccountName", samAccountName)),
                    "objectSid");
            if (e == null) {
                return Optional.empty();
            }
            byte[] sid = e.getAttributeValueBytes("objectSid");
            if (sid == null) {
                throw new DomainException(DomainException.Cause.PROTOCOL, e.getDN() + " has no objectSid we may read");
            }
            return Optional.of(Sid.decode(sid));
        } catch (LDAPException e) {
            throw new DomainException(DomainException.Cause.PROTOCOL, "LDAP search for group '" + samAccountName
                    + "': " + e.getResultCode().getName() + (e.getDiagnosticMessage() == null ? ""
                    : ", " + e.getDiagnosticMessage().strip()), e);
        } catch (DtypFormatException e) {
            throw new DomainException(DomainException.Cause.PROTOCOL, "objectSid of group '" + samAccountName
                    + "' is malformed: " + e.getMessage(), e);
        }
    }
}
