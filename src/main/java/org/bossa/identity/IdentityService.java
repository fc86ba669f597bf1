package org.bossa.identity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * What the host's own tools ask of a domain member about its users and groups: the questions
 * Samba's winbindd answers on its socket (for libnss_winbind, pam_winbind, wbinfo) and systemd's
 * userdb asks over varlink. One implementation answers both, so {@code getent}, {@code wbinfo} and
 * {@code userdbctl} always agree.
 *
 * <p>Names are accepted as "DOMAIN\name", "name@dns.domain" or a bare name (the joined domain's);
 * they are matched without regard to case. Every method answers from cache when the DC is
 * unreachable and throws {@link IdentityUnavailableException} only when it cannot answer at all.
 */
public interface IdentityService {

    /** The joined domain and this member, as {@code wbinfo --own-domain}, {@code -D} and {@code --info} show them. */
    DomainInfo domain();

    /** Whether the DC answers now, and which one (for {@code wbinfo -P} / {@code --ping-dc}). */
    Health health();

    Optional<Principal> lookupName(String name) throws IdentityUnavailableException;

    Optional<Principal> lookupSid(Sid sid) throws IdentityUnavailableException;

    Optional<PosixUser> userByName(String name) throws IdentityUnavailableException;

    Optional<PosixUser> userByUid(long uid) throws IdentityUnavailableException;

    Optional<PosixUser> userBySid(Sid sid) throws IdentityUnavailableException;

    /** A group with its members (expanded: this is getgrnam's answer). */
    Optional<PosixGroup> groupByName(String name) throws IdentityUnavailableException;

    Optional<PosixGroup> groupByGid(long gid) throws IdentityUnavailableException;

    Optional<PosixGroup> groupBySid(Sid sid) throws IdentityUnavailableException;

    /** Every group SID of a user (its token groups: nested and universal groups included), primary first. */
    List<Sid> groupSidsOf(Sid user) throws IdentityUnavailableException;

    /** The gids of a user's groups that have one (getgroups / initgroups). */
    List<Long> groupIdsOf(String userName) throws IdentityUnavailableException;

    /** Up to {@code limit} user names of the domain (wbinfo -u, getpwent), in a stable order. */
    List<String> listUsers(int limit) throws IdentityUnavailableException;

    /** Up to {@code limit} group names of the domain (wbinfo -g, getgrent), in a stable order. */
    List<String> listGroups(int limit) throws IdentityUnavailableException;

    OptionalLong sidToUid(Sid sid);

    OptionalLong sidToGid(Sid sid);

    Optional<Sid> uidToSid(long uid);

    Optional<Sid> gidToSid(long gid);

    /**
     * @param netbiosDomain the domain's NetBIOS name (e.g. EXAMPLE)
     * @param dnsDomain the domain's DNS name (e.g. example.test)
     * @param domainSid the domain's SID
     * @param netbiosName this member's NetBIOS name
     * @param separator the character between domain and name (winbind's default: '\')
     */
    record DomainInfo(String netbiosDomain, String dnsDomain, Sid domainSid, String netbiosName, char separator) {
    }

    /**
     * @param online true if the last contact with a DC succeeded
     * @param dc the DC last used (host name), empty if none
     * @param detail a short log-safe explanation when offline
     */
    record Health(boolean online, String dc, String detail) {
    }
}
