package org.bossa.idmap;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * The rid backend (Samba's idmap_rid): a SID of the
 * domain maps to {@code id = RID - baseRid + low}, users and groups alike, read-only and the same on
 * every host with the same settings. With Samba's usual {@code range = 10000-999999} and base RID 0,
 * alice (RID 1103) is uid 11103 and Domain Users (513) gid 10513, exactly as a Samba member with
 * {@code idmap config DOMAIN : backend = rid} says. SIDs of other domains, and RIDs that would land
 * outside the range, have no id.
 */
public final class RidIdMap implements IdMapBackend {
    private final Sid domainSid;
    private final IdRange range;
    private final long baseRid;

    /**
     * @param domainSid the domain whose SIDs this maps
     * @param low the first id of the range
     * @param high the last id of the range (inclusive)
     * @param baseRid the RID mapped to {@code low}
     */
    public RidIdMap(Sid domainSid, long low, long high, long baseRid) {
        this.domainSid = Objects.requireNonNull(domainSid);
        if (low < 1 || high < low || high > IdRange.MAX_ID || baseRid < 0 || baseRid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("idmap range " + low + "-" + high + " (base RID " + baseRid
                    + ") is not a valid id range");
        }
        this.range = new IdRange(low, high);
        this.baseRid = baseRid;
    }

    /** As {@link #RidIdMap(Sid, long, long, long)} over {@code range}. */
    public RidIdMap(Sid domainSid, IdRange range, long baseRid) {
        this(domainSid, range.low(), range.high(), baseRid);
    }

    /** The POSIX id of {@code sid}, if it is a SID of this domain whose RID falls in the range. */
    public OptionalLong toId(Sid sid) {
        if (!sid.isInDomain(domainSid)) {
            return OptionalLong.empty();
        }
        long rid = sid.rid();
        long id = rid - baseRid + range.low();
        return rid >= baseRid && id <= range.high() ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The SID of POSIX id {@code id}, if it falls in the range. */
    public Optional<Sid> toSid(long id) {
        if (!range.contains(id)) {
            return Optional.empty();
        }
        long rid = id - range.low() + baseRid;
        return rid <= 0xFFFF_FFFFL ? Optional.of(domainSid.withRid(rid)) : Optional.empty();
    }

    /** Users and groups map alike. */
    @Override
    public OptionalLong toId(Sid sid, IdType type) {
        return toId(sid);
    }

    /** Users and groups map alike. */
    @Override
    public Optional<Sid> toSid(long id, IdType type) {
        return toSid(id);
    }

    @Override
    public IdRange range() {
        return range;
    }
}
