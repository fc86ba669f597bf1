package org.bossa.idmap;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.store.IdRangeExhaustedException;
import org.bossa.store.StateStore;

/**
 * The allocating backend (Samba's idmap_tdb, the usual {@code idmap config * : backend = tdb}): a SID
 * gets the next free uid or gid of the range the first time it is asked for, and the record in the
 * {@link StateStore} keeps it ever after. Serves BUILTIN (S-1-5-32-*), the well-known SIDs
 * (S-1-1-0, S-1-5-11, S-1-5-2, S-1-18-*, ...) and any domain without a backend of its own. uids and
 * gids are separate records and counters, as in idmap_tdb.
 *
 * <p>Ids depend on the order of first use, so they differ between hosts; nothing else can be done
 * for SIDs that carry no number of their own. When the range is used up, new SIDs get no id (logged).
 */
public final class AllocIdMap implements IdMapBackend {
    private static final System.Logger LOG = System.getLogger(AllocIdMap.class.getName());

    private final String name;
    private final IdRange range;
    private final StateStore store;

    /**
     * @param name the configured domain name ({@code "*"} for the default range); names the allocators
     * @param range the ids to hand out
     * @param store where the records live
     */
    public AllocIdMap(String name, IdRange range, StateStore store) {
        this.name = Objects.requireNonNull(name, "name");
        this.range = Objects.requireNonNull(range, "range");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public OptionalLong toId(Sid sid, IdType type) {
        String allocator = "idmap:" + name + ":" + type.name().toLowerCase(Locale.ROOT);
        try {
            return OptionalLong.of(store.mapIdIfAbsent(sid.toString(), type.storeKind(), allocator, range.low(),
                    range.high()));
        } catch (IdRangeExhaustedException e) {
            LOG.log(System.Logger.Level.WARNING, "idmap range {0} of {1} is used up: {2} gets no {3}", range, name,
                    sid, type);
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<Sid> toSid(long id, IdType type) {
        if (!range.contains(id)) {
            return Optional.empty();
        }
        return store.findMappedSid(id, type.storeKind()).flatMap(AllocIdMap::parseStored);
    }

    /** A stored SID string; a malformed one (edited by hand) maps to nothing rather than failing the caller. */
    static Optional<Sid> parseStored(String text) {
        try {
            return Optional.of(Sid.parse(text));
        } catch (DtypFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "idmap: ignoring malformed stored SID: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public IdRange range() {
        return range;
    }
}
