package org.bossa.domain;

import java.util.List;
import java.util.Optional;
import org.bossa.dtyp.Sid;

/**
 * The account questions a domain member asks its domain's directory: names and SIDs, RFC 2307
 * ids, a user's token groups, a group's members, and bounded enumerations. Every method answers
 * "no such account" with an empty result and throws {@link DirectoryLookupException} only when the
 * directory could not be asked or answered with an error.
 */
public interface AccountDirectory {

    /** The account whose {@code sAMAccountName} or {@code userPrincipalName} is {@code name}, case-insensitively. */
    Optional<DirectoryAccount> byName(String name) throws DirectoryLookupException;

    Optional<DirectoryAccount> bySid(Sid sid) throws DirectoryLookupException;

    /** The account whose RFC 2307 {@code uidNumber} is {@code uid}. */
    Optional<DirectoryAccount> byUidNumber(long uid) throws DirectoryLookupException;

    /** The group whose RFC 2307 {@code gidNumber} is {@code gid} (users' gidNumber is their primary gid, not theirs). */
    Optional<DirectoryAccount> byGidNumber(long gid) throws DirectoryLookupException;

    /**
     * The SIDs of every security group {@code user} belongs to, nested and universal ones included
     * (the DC's constructed {@code tokenGroups}, which includes the primary group); empty when no
     * such account.
     */
    Optional<List<Sid>> tokenGroups(Sid user) throws DirectoryLookupException;

    /**
     * The direct members of {@code group} (its {@code member} values, read in ranges) and the
     * accounts whose primary group it is, at most {@code cap}, sorted by name; empty when no such
     * group. Nested groups are listed as members, not expanded.
     */
    Optional<AccountListing> members(Sid group, int cap) throws DirectoryLookupException;

    /** Up to {@code cap} users of the domain (normal user accounts, not computers), sorted by name. */
    AccountListing users(int cap) throws DirectoryLookupException;

    /** Up to {@code cap} security groups of the domain (not the builtin ones), sorted by name. */
    AccountListing groups(int cap) throws DirectoryLookupException;

    /** The host name of the DC last asked, empty before the first lookup. */
    String lastDc();
}
