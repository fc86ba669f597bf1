package org.bossa.idmap;

import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * The RFC 2307 attributes of one domain's directory, as the ad backend reads them: an account's
 * {@code uidNumber} and a group's {@code gidNumber}, and the reverse searches. The LDAP implementation
 * lives outside this package. Implementations are thread-safe and answer empty both when the
 * directory has no such value and when it cannot be reached (having logged why); they never throw.
 */
public interface PosixAttributes {

    /** The {@code uidNumber} of the user {@code sid}. */
    OptionalLong uidNumber(Sid sid);

    /** The {@code gidNumber} of the group {@code sid}. */
    OptionalLong gidNumber(Sid sid);

    /** The SID of the user whose {@code uidNumber} is {@code uid}. */
    Optional<Sid> sidByUidNumber(long uid);

    /** The SID of the group whose {@code gidNumber} is {@code gid}. */
    Optional<Sid> sidByGidNumber(long gid);
}
