package org.bossa.domain;

/**
 * What kind of directory object an account is. Groups are told apart by their {@code groupType}:
 * global and universal groups are domain groups (MS-LSAT SidTypeGroup), domain-local and builtin
 * groups are aliases (SidTypeAlias), as LSA lookups report them.
 */
public enum AccountKind {
    /** A user object (objectClass user, not computer). */
    USER,
    /** A computer object (its sAMAccountName ends in '$'). */
    COMPUTER,
    /** A global or universal group. */
    DOMAIN_GROUP,
    /** A domain-local or builtin group. */
    ALIAS,
    /**
     * A foreign security principal (a well-known or trusted-domain SID that is a member of a
     * group here): the directory knows its SID only, so its name is empty.
     */
    FOREIGN,
    /** Anything else that has a SID and an account name. */
    OTHER;

    /** True for the kinds that are groups. */
    public boolean isGroup() {
        return this == DOMAIN_GROUP || this == ALIAS;
    }
}
