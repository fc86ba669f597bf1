package org.bossa.identity;

import java.util.List;
import java.util.Objects;
import org.bossa.dtyp.Sid;

/**
 * A domain group as the host sees it (struct group plus its SID).
 *
 * @param name the name NSS shows ("EXAMPLE\engineers")
 * @param gid the mapped gid
 * @param sid the group's SID
 * @param members the members' names as NSS shows them; empty when members were not asked for (a
 *     large group is not expanded unless a caller needs its members)
 */
public record PosixGroup(String name, long gid, Sid sid, List<String> members) {
    public PosixGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sid, "sid");
        members = List.copyOf(members);
    }
}
