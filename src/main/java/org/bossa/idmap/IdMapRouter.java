package org.bossa.idmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.bossa.dtyp.Sid;
import org.bossa.store.StateStore;

/**
 * The {@link IdMapper} over every configured backend, as winbindd's idmap layer: a SID goes to the
 * backend of its domain, else to the default {@code *} backend; an id goes to the backend whose range
 * holds it. Unix SIDs map directly: S-1-22-1-uid to that uid and S-1-22-2-gid to that gid, and an id
 * outside every range to S-1-22-1-id or S-1-22-2-id (Samba's "Unix User" and "Unix Group"). An id
 * inside a range that its backend does not know has no SID. Thread-safe if the backends are.
 */
public final class IdMapRouter implements IdMapper {
    private static final long MAX_UNIX_ID = 0xFFFF_FFFFL;

    /** A range and who answers for it; {@code backend} is null for a domain whose SID is not known. */
    private record Owner(IdRange range, IdMapBackend backend) {
    }

    private final Map<Sid, IdMapBackend> byDomain;
    private final IdMapBackend fallback;
    private final List<Owner> owners;
    private final List<String> unresolved;

    /**
     * @param byDomain the backend of each domain SID
     * @param fallback the default backend, or null if there is none
     * @param reserved ranges configured for domains whose SID is not known yet: their ids map to nothing
     * @throws IllegalArgumentException if two ranges overlap (the same backend may serve several domains)
     */
    public IdMapRouter(Map<Sid, IdMapBackend> byDomain, IdMapBackend fallback, List<IdRange> reserved) {
        this(byDomain, fallback, reserved, List.of());
    }

    private IdMapRouter(Map<Sid, IdMapBackend> byDomain, IdMapBackend fallback, List<IdRange> reserved,
            List<String> unresolved) {
        this.byDomain = Map.copyOf(byDomain);
        this.fallback = fallback;
        List<Owner> all = new ArrayList<>();
        List<IdMapBackend> seen = new ArrayList<>();
        for (IdMapBackend b : byDomain.values()) {
            if (seen.stream().noneMatch(x -> x == b)) {
                seen.add(b);
                all.add(new Owner(b.range(), b));
            }
        }
        if (fallback != null && seen.stream().noneMatch(x -> x == fallback)) {
            all.add(new Owner(fallback.range(), fallback));
        }
        for (IdRange r : reserved) {
            all.add(new Owner(r, null));
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).range().overlaps(all.get(j).range())) {
                    throw new IllegalArgumentException("idmap ranges " + all.get(i).range() + " and "
                            + all.get(j).range() + " overlap");
                }
            }
        }
        this.owners = List.copyOf(all);
        this.unresolved = List.copyOf(unresolved);
    }

    /**
     * Builds the backends of {@code config}.
     *
     * @param store the state store (records of tdb, slots of autorid and hash)
     * @param domainSids SIDs of domains configured without one, by name (case-insensitive): the joined
     *     domain's from the join, trusted ones from the DC; a domain still without a SID keeps its range
     *     but maps nothing ({@link #unresolvedDomains()}), until the router is built again
     * @param directory the RFC 2307 attributes of a domain, by its name, for the ad backend
     * @throws IdMapConfigException if an ad domain has no directory
     */
    public static IdMapRouter create(IdMapConfig config, StateStore store, Map<String, Sid> domainSids,
            Function<String, Optional<PosixAttributes>> directory) throws IdMapConfigException {
        Objects.requireNonNull(store, "store");
        Map<String, Sid> sidsByName = new HashMap<>();
        domainSids.forEach((name, sid) -> sidsByName.put(name.toUpperCase(Locale.ROOT), sid));
        Map<Sid, IdMapBackend> byDomain = new HashMap<>();
        IdMapBackend fallback = null;
        List<IdRange> reserved = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IdMapConfig.Domain d : config.domains()) {
            if (d.isDefault()) {
                fallback = switch (d.backend()) {
                    case AUTORID -> new AutoridIdMap(d.range(), d.rangeSize(), store);
                    case HASH -> new HashIdMap(d.name(), d.range(), d.rangeSize(), null, store);
                    default -> new AllocIdMap(d.name(), d.range(), store);
                };
                continue;
            }
            Optional<Sid> sid = d.sid().or(() -> Optional.ofNullable(sidsByName.get(d.name().toUpperCase(Locale.ROOT))));
            if (sid.isEmpty()) {
                reserved.add(d.range());
                unresolved.add(d.name());
                continue;
            }
            IdMapBackend backend = switch (d.backend()) {
                case RID -> new RidIdMap(sid.get(), d.range(), d.baseRid());
                case HASH -> new HashIdMap(d.name(), d.range(), d.rangeSize(), sid.get(), store);
                case AD -> directory.apply(d.name()).<IdMapBackend>map(p -> new AdIdMap(sid.get(), d.range(), p))
                        .orElse(null);
                default -> new AllocIdMap(d.name(), d.range(), store);
            };
            if (backend == null) {
                problems.add(IdMapConfig.key(d.name(), "backend") + ": ad needs the domain's directory, which is not available");
                continue;
            }
            byDomain.put(sid.get(), backend);
        }
        if (!problems.isEmpty()) {
            throw new IdMapConfigException(problems);
        }
        return new IdMapRouter(byDomain, fallback, reserved, unresolved);
    }

    /** Configured domains left without a SID when the router was built: their ranges map nothing. */
    public List<String> unresolvedDomains() {
        return unresolved;
    }

    @Override
    public OptionalLong toUid(Sid sid) {
        return toId(sid, IdType.UID);
    }

    @Override
    public OptionalLong toGid(Sid sid) {
        return toId(sid, IdType.GID);
    }

    private OptionalLong toId(Sid sid, IdType type) {
        if (sid.isInDomain(Sid.UNIX_USERS)) {
            return type == IdType.UID ? OptionalLong.of(sid.rid()) : OptionalLong.empty();
        }
        if (sid.isInDomain(Sid.UNIX_GROUPS)) {
            return type == IdType.GID ? OptionalLong.of(sid.rid()) : OptionalLong.empty();
        }
        if (sid.subAuthorityCount() == 0) {
            return OptionalLong.empty();
        }
        IdMapBackend backend = byDomain.getOrDefault(sid.domain(), fallback);
        if (backend == null) {
            return OptionalLong.empty();
        }
        OptionalLong id = backend.toId(sid, type);
        // a backend's answer outside its own range would collide with another's; never pass it on
        return id.isPresent() && backend.range().contains(id.getAsLong()) ? id : OptionalLong.empty();
    }

    @Override
    public Optional<Sid> fromUid(long uid) {
        return fromId(uid, IdType.UID);
    }

    @Override
    public Optional<Sid> fromGid(long gid) {
        return fromId(gid, IdType.GID);
    }

    private Optional<Sid> fromId(long id, IdType type) {
        if (id < 0 || id > MAX_UNIX_ID) {
            return Optional.empty();
        }
        for (Owner o : owners) {
            if (o.range().contains(id)) {
                return o.backend() == null ? Optional.empty() : o.backend().toSid(id, type);
            }
        }
        return Optional.of(type == IdType.UID ? Sid.unixUser(id) : Sid.unixGroup(id));
    }
}
