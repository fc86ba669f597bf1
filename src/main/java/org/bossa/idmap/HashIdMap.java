package org.bossa.idmap;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.store.StateStore;

/**
 * The hash backend: SSSD's {@code ldap_id_mapping} algorithm, so a host gets the ids SSSD would give.
 * The range is cut into slices of {@code sliceSize} ids; a domain's slice is
 * {@code murmurhash3_x86_32(domain SID string, seed 0xdeadbeef) % slices}, or the next free one
 * (wrapping) if another domain holds it; {@code id = low + slice * sliceSize + RID}. SSSD's defaults
 * are range 200000-2000199999 ({@code ldap_idmap_range_min} 200000, {@code _max} 2000200000
 * exclusive) and slices of 200000, i.e. 10000 slices.
 *
 * <p>RIDs of {@code sliceSize} and more go to secondary slices as in SSSD: RIDs from
 * {@code k * sliceSize} on get the slice of the string {@code "<domain SID>-<k * sliceSize>"}. SSSD
 * pre-creates 10 of them per domain ({@code ldap_idmap_helper_table_size}) and adds more as
 * needed; here every one is placed on first use.
 *
 * <p>Slices are recorded in the {@link StateStore} (SSSD keeps them in its cache too), so the id to
 * SID direction works after a restart. Collisions make the result depend on the order in which
 * domains were first seen, in SSSD as here. Only SIDs of {@code S-1-5-21-*} domains are mapped
 * (SSSD maps neither BUILTIN nor well-known SIDs).
 */
public final class HashIdMap implements IdMapBackend {
    /** SSSD's seed for the slice hash. */
    public static final int SEED = 0xdeadbeef;
    /** SSSD's default slice size ({@code ldap_idmap_range_size}). */
    public static final long DEFAULT_SLICE_SIZE = 200_000;
    /** SSSD's default range: {@code ldap_idmap_range_min} to {@code ldap_idmap_range_max - 1}. */
    public static final IdRange DEFAULT_RANGE = new IdRange(200_000, 2_000_199_999L);

    private final String namespace;
    private final IdRange range;
    private final long sliceSize;
    private final long slices;
    private final Sid onlyDomain; // null: any S-1-5-21 domain
    private final StateStore store;

    /**
     * @param name the configured domain name ({@code "*"} for the default range); names the slice records
     * @param onlyDomain the one domain this maps, or null to map every {@code S-1-5-21-*} domain
     * @throws IllegalArgumentException if the range holds no whole slice
     */
    public HashIdMap(String name, IdRange range, long sliceSize, Sid onlyDomain, StateStore store) {
        this.namespace = "hash:" + Objects.requireNonNull(name, "name");
        this.range = Objects.requireNonNull(range, "range");
        if (sliceSize < 1 || sliceSize > range.size()) {
            throw new IllegalArgumentException("slice size " + sliceSize + " does not fit range " + range);
        }
        this.sliceSize = sliceSize;
        this.slices = range.size() / sliceSize;
        this.onlyDomain = onlyDomain;
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The slice {@code sliceName} hashes to, before collisions (SSSD's {@code sss_idmap_calculate_range}). */
    public static long preferredSlice(String sliceName, long slices) {
        int h = MurmurHash3.x86_32(sliceName.getBytes(StandardCharsets.UTF_8), SEED);
        return Integer.toUnsignedLong(h) % slices;
    }

    /** The name SSSD hashes for the slice holding {@code rid} of {@code domain}. */
    static String sliceName(Sid domain, long rid, long sliceSize) {
        long firstRid = rid / sliceSize * sliceSize;
        return firstRid == 0 ? domain.toString() : domain + "-" + firstRid;
    }

    @Override
    public OptionalLong toId(Sid sid, IdType type) {
        if (sid.subAuthorityCount() == 0) {
            return OptionalLong.empty();
        }
        Sid domain = sid.domain();
        if (!DomainSids.isDomainSid(domain) || (onlyDomain != null && !onlyDomain.equals(domain))) {
            return OptionalLong.empty();
        }
        long rid = sid.rid();
        OptionalLong slice = slice(sliceName(domain, rid, sliceSize));
        if (slice.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(range.low() + slice.getAsLong() * sliceSize + rid % sliceSize);
    }

    private OptionalLong slice(String name) {
        OptionalLong known = store.findSlot(namespace, name);
        if (known.isPresent()) {
            return known;
        }
        long first = preferredSlice(name, slices);
        for (long i = 0; i < slices; i++) {
            long candidate = (first + i) % slices;
            if (store.claimSlot(namespace, name, candidate)) {
                return OptionalLong.of(candidate);
            }
            known = store.findSlot(namespace, name); // another thread or process placed it meanwhile
            if (known.isPresent()) {
                return known;
            }
        }
        return OptionalLong.empty(); // every slice is taken, as SSSD's IDMAP_OUT_OF_SLICES
    }

    @Override
    public Optional<Sid> toSid(long id, IdType type) {
        if (!range.contains(id)) {
            return Optional.empty();
        }
        long slice = (id - range.low()) / sliceSize;
        if (slice >= slices) {
            return Optional.empty(); // the tail of the range that holds no whole slice
        }
        return store.findSlotKey(namespace, slice).flatMap(name -> sidOf(name, (id - range.low()) % sliceSize));
    }

    /** Reads a slice name back: a domain SID, or a domain SID with the slice's first RID appended. */
    private static Optional<Sid> sidOf(String sliceName, long offset) {
        Sid named;
        try {
            named = Sid.parse(sliceName);
        } catch (DtypFormatException e) {
            return Optional.empty();
        }
        if (DomainSids.isDomainSid(named)) {
            return Optional.of(named.withRid(offset));
        }
        if (named.subAuthorityCount() > 0 && DomainSids.isDomainSid(named.domain())
                && named.rid() + offset <= 0xFFFF_FFFFL) {
            return Optional.of(named.domain().withRid(named.rid() + offset));
        }
        return Optional.empty();
    }

    @Override
    public IdRange range() {
        return range;
    }
}
