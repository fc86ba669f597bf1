package org.bossa.idmap;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * The ad backend (Samba's idmap_ad with {@code schema_mode = rfc2307}): a user's uid is the
 * {@code uidNumber} and a group's gid the {@code gidNumber} the directory holds for it, read-only.
 * Values outside the range are ignored (the range is a filter, as in Samba), and so are answers
 * naming a SID of another domain.
 */
public final class AdIdMap implements IdMapBackend {
    private final Sid domainSid;
    private final IdRange range;
    private final PosixAttributes directory;

    public AdIdMap(Sid domainSid, IdRange range, PosixAttributes directory) {
        this.domainSid = Objects.requireNonNull(domainSid, "domainSid");
        this.range = Objects.requireNonNull(range, "range");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public OptionalLong toId(Sid sid, IdType type) {
        if (!sid.isInDomain(domainSid)) {
            return OptionalLong.empty();
        }
        OptionalLong id = type == IdType.UID ? directory.uidNumber(sid) : directory.gidNumber(sid);
        return id.isPresent() && range.contains(id.getAsLong()) ? id : OptionalLong.empty();
    }

    @Override
    public Optional<Sid> toSid(long id, IdType type) {
        if (!range.contains(id)) {
            return Optional.empty();
        }
        Optional<Sid> sid = type == IdType.UID ? directory.sidByUidNumber(id) : directory.sidByGidNumber(id);
        return sid.filter(s -> s.isInDomain(domainSid));
    }

    @Override
    public IdRange range() {
        return range;
    }
}
