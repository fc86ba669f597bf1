package org.bossa.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * An account (user, computer or group) as the domain's directory describes it.
 *
 * @param sid the account's SID ({@code objectSid})
 * @param samAccountName its pre-Windows 2000 name ({@code sAMAccountName}), as the directory spells it;
 *     empty for a {@link AccountKind#FOREIGN} principal
 * @param kind user, computer, domain group or alias
 * @param displayName {@code displayName}, empty when not set
 * @param userPrincipalName {@code userPrincipalName}, empty when not set
 * @param primaryGroup the primary group's SID (domain SID + {@code primaryGroupID}), for users and computers
 * @param uidNumber RFC 2307 {@code uidNumber}, when set
 * @param gidNumber RFC 2307 {@code gidNumber}, when set (a user's primary gid, or a group's gid)
 * @param unixHomeDirectory RFC 2307 {@code unixHomeDirectory}, when set
 * @param loginShell RFC 2307 {@code loginShell}, when set
 * @param dn the object's distinguished name
 */
public record DirectoryAccount(Sid sid, String samAccountName, AccountKind kind, String displayName,
        String userPrincipalName, Optional<Sid> primaryGroup, OptionalLong uidNumber, OptionalLong gidNumber,
        Optional<String> unixHomeDirectory, Optional<String> loginShell, String dn) {
    public DirectoryAccount {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(samAccountName, "samAccountName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(primaryGroup, "primaryGroup");
        Objects.requireNonNull(uidNumber, "uidNumber");
        Objects.requireNonNull(gidNumber, "gidNumber");
        Objects.requireNonNull(unixHomeDirectory, "unixHomeDirectory");
        Objects.requireNonNull(loginShell, "loginShell");
        Objects.requireNonNull(dn, "dn");
    }

    /** A minimal account, as tests and fakes build them: no RFC 2307 data, no display name. */
    public static DirectoryAccount of(Sid sid, String samAccountName, AccountKind kind, Optional<Sid> primaryGroup) {
        return new DirectoryAccount(sid, samAccountName, kind, "", "", primaryGroup, OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), "");
    }
}
