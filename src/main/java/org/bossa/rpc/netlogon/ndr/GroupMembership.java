package org.bossa.rpc.netlogon.ndr;

import java.util.ArrayList;
import java.util.List;
import org.bossa.dtyp.Sid;

/**
 * GROUP_MEMBERSHIP (MS-NRPC 2.2.1.4.11 GroupIds): a group of the logon domain by RID, with its
 * SE_GROUP_* attributes.
 *
 * @param rid unsigned 32-bit
 */
public record GroupMembership(int rid, int attributes) {
    public long unsignedRid() {
        return Integer.toUnsignedLong(rid);
    }

    /** The SIDs of {@code groups} in {@code domain}, in order (validation info and PAC alike). */
    public static List<Sid> sidsIn(Sid domain, List<GroupMembership> groups) {
        List<Sid> out = new ArrayList<>(groups.size());
        for (GroupMembership g : groups) {
            out.add(domain.withRid(g.unsignedRid()));
        }
        return List.copyOf(out);
    }
}
