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
 * The autorid backend (Samba's idmap_autorid, only as the default {@code *} backend): the range is cut
 * into slots of {@code rangeSize} ids; each domain gets the next free slot the first time one of its
 * SIDs is asked for, recorded in the {@link StateStore}, and
 * {@code id = low + slot * rangeSize + RID % rangeSize}, users and groups alike.
 *
 * <p>RIDs of {@code rangeSize} and more go to extension slots: RIDs from {@code n * rangeSize} on
 * belong to the slot of the key {@code "<domain SID>#n"}, allocated like a domain's, as in Samba.
 * BUILTIN is a domain like any other. SIDs that belong to no domain (S-1-1-0, S-1-5-11, S-1-5-2,
 * S-1-18-*, ...) get ids one by one from an {@code ALLOC} slot, again as in Samba. Unlike Samba, a
 * domain gets a slot without checking that it is trusted. When the slots run out, new domains get
 * no ids.
 */
public final class AutoridIdMap implements IdMapBackend {
    /** Samba's default {@code rangesize}. */
    public static final long DEFAULT_RANGE_SIZE = 100_000;
    /** Samba's smallest {@code rangesize}. */
    public static final long MIN_RANGE_SIZE = 2_000;
    static final String NAMESPACE = "autorid";
    static final String ALLOC_KEY = "ALLOC";
    private static final System.Logger LOG = System.getLogger(AutoridIdMap.class.getName());

    private final IdRange range;
    private final long rangeSize;
    private final long slots;
    private final StateStore store;

    /** @throws IllegalArgumentException if {@code rangeSize} is below 2000 or the range holds no slot */
    public AutoridIdMap(IdRange range, long rangeSize, StateStore store) {
        this.range = Objects.requireNonNull(range, "range");
        if (rangeSize < MIN_RANGE_SIZE || rangeSize > range.size()) {
            throw new IllegalArgumentException("rangesize " + rangeSize + " must be at least " + MIN_RANGE_SIZE
                    + " and fit range " + range);
        }
        this.rangeSize = rangeSize;
        this.slots = range.size() / rangeSize;
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public OptionalLong toId(Sid sid, IdType type) {
        if (!DomainSids.isDomainAccount(sid)) {
            return allocated(sid, type);
        }
        long rid = sid.rid();
        long extension = rid / rangeSize;
        String key = extension == 0 ? sid.domain().toString() : sid.domain() + "#" + extension;
        OptionalLong slot = store.allocateSlot(NAMESPACE, key, slots);
        if (slot.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "autorid: all {0} ranges are in use; {1} gets no id", slots, key);
            return OptionalLong.empty();
        }
        return OptionalLong.of(base(slot.getAsLong()) + rid % rangeSize);
    }

    private OptionalLong allocated(Sid sid, IdType type) {
        OptionalLong slot = store.allocateSlot(NAMESPACE, ALLOC_KEY, slots);
        if (slot.isEmpty()) {
            return OptionalLong.empty();
        }
        long low = base(slot.getAsLong());
        String allocator = "idmap:autorid-alloc:" + type.name().toLowerCase(Locale.ROOT);
        try {
            return OptionalLong.of(store.mapIdIfAbsent(sid.toString(), type.storeKind(), allocator, low,
                    low + rangeSize - 1));
        } catch (IdRangeExhaustedException e) {
            LOG.log(System.Logger.Level.WARNING, "autorid: the ALLOC range is used up; {0} gets no id", sid);
            return OptionalLong.empty();
        }
    }

    private long base(long slot) {
        return range.low() + slot * rangeSize;
    }

    @Override
    public Optional<Sid> toSid(long id, IdType type) {
        if (!range.contains(id)) {
            return Optional.empty();
        }
        long slot = (id - range.low()) / rangeSize;
        if (slot >= slots) {
            return Optional.empty();
        }
        Optional<String> key = store.findSlotKey(NAMESPACE, slot);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.get().equals(ALLOC_KEY)) {
            return store.findMappedSid(id, type.storeKind()).flatMap(AllocIdMap::parseStored);
        }
        return sidOf(key.get(), (id - range.low()) % rangeSize);
    }

    /** Reads a slot key back: {@code "<domain SID>"} or {@code "<domain SID>#<extension>"}. */
    private Optional<Sid> sidOf(String key, long offset) {
        int hash = key.indexOf('#');
        try {
            Sid domain = Sid.parse(hash < 0 ? key : key.substring(0, hash));
            long extension = hash < 0 ? 0 : Long.parseLong(key.substring(hash + 1));
            long rid = extension * rangeSize + offset;
            return extension >= 0 && rid <= 0xFFFF_FFFFL ? Optional.of(domain.withRid(rid)) : Optional.empty();
        } catch (DtypFormatException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "autorid: ignoring malformed stored range key: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public IdRange range() {
        return range;
    }
}
