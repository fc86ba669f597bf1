package org.bossa.identity;

import java.util.Objects;
import org.bossa.dtyp.Sid;

/**
 * A name and the SID it stands for, as a lookup answers them.
 *
 * @param sid the account's SID
 * @param domain the NetBIOS name of its domain ("BUILTIN", "NT AUTHORITY", the host's name for Unix accounts)
 * @param name the account name without its domain
 * @param type what kind of account it is
 */
public record Principal(Sid sid, String domain, String name, SidType type) {
    public Principal {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** "DOMAIN\name" (or the name alone when there is no domain). */
    public String qualifiedName(char separator) {
        return domain.isEmpty() ? name : domain + separator + name;
    }
}
