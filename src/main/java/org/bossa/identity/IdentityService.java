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
     * Checks a user's password (pam_winbind's PAM_AUTH). The caller wipes {@code password} afterwards.
     *
     * @throws UnsupportedOperationException if this service cannot check passwords (the default)
     */
    default AuthResult authenticate(String user, char[] password) throws IdentityUnavailableException {
        throw new UnsupportedOperationException("password authentication is not implemented");
    }

    /**
     * Checks a challenge-response (NTLM) logon, as ntlm_auth and pam_winbind's PAM_AUTH_CRAP ask.
     *
     * @param domain the user's domain as the client gave it (may be empty)
     * @param challenge the 8-byte server challenge
     * @param lmResponse the LM (or LMv2) response, possibly empty
     * @param ntResponse the NT (or NTLMv2) response
     * @throws UnsupportedOperationException if this service cannot check them (the default)
     */
    default AuthResult authenticateNtlm(String domain, String user, String workstation, byte[] challenge,
            byte[] lmResponse, byte[] ntResponse) throws IdentityUnavailableException {
        throw new UnsupportedOperationException("NTLM authentication is not implemented");
    }

    /**
     * Changes a user's password (pam_winbind's PAM_CHAUTHTOK). The caller wipes both arrays afterwards.
     *
     * @throws UnsupportedOperationException if this service cannot change passwords (the default)
     */
    default AuthResult changePassword(String user, char[] oldPassword, char[] newPassword)
            throws IdentityUnavailableException {
        throw new UnsupportedOperationException("password change is not implemented");
    }

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
