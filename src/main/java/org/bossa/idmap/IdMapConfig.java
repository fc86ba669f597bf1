package org.bossa.idmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;

/**
 * The validated idmap settings (Samba's {@code idmap config DOMAIN : ...} lines): one entry per
 * domain with its backend and range, and optionally the default {@code *} entry for BUILTIN, the
 * well-known SIDs and every domain without an entry. Immutable.
 *
 * <p>Setting keys, used in every message: {@code bossa.idmap.default-backend},
 * {@code bossa.idmap.default-range}, {@code bossa.idmap.default-rangesize} for {@code *};
 * {@code bossa.idmap.domains.<NAME>.backend}, {@code .range}, {@code .sid}, {@code .base-rid},
 * {@code .rangesize} for a domain. Without a {@code *} entry BUILTIN and well-known SIDs have no ids
 * (allowed: a host that only needs its domain's users can do without).
 */
public final class IdMapConfig {
    /** The name of the default entry. */
    public static final String DEFAULT = "*";
    /** Option: the RID mapped to the first id of a rid backend's range (default 0). */
    public static final String BASE_RID = "base-rid";
    /** Option: the slot size of autorid (default 100000) or the slice size of hash (default 200000). */
    public static final String RANGE_SIZE = "rangesize";

    /** The backends, by their setting value. */
    public enum Backend {
        /** Samba's tdb: allocates and records ({@link AllocIdMap}); {@code alloc} is accepted too. */
        TDB,
        /** {@link RidIdMap}. */
        RID,
        /** SSSD's algorithm ({@link HashIdMap}). */
        HASH,
        /** {@link AutoridIdMap}; default entry only. */
        AUTORID,
        /** RFC 2307 attributes from the directory ({@link AdIdMap}); domain entries only. */
        AD;

        /** The setting value naming this backend. */
        public String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Backend> parse(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("alloc")) {
                return Optional.of(TDB);
            }
            for (Backend b : values()) {
                if (b.settingValue().equals(v)) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The settings of one entry as written (strings, unchecked).
     *
     * @param name the domain's NetBIOS name, or {@code "*"}
     * @param sid the domain SID, or null if it is to be learnt (from the join, from the DC)
     * @param backend the backend name, or null for the default ({@code tdb} for {@code *})
     * @param range {@code "LOW-HIGH"}, or null (only hash has a default)
     * @param options further settings by their last key part ({@value #BASE_RID}, {@value #RANGE_SIZE})
     */
    public record Settings(String name, String sid, String backend, String range, Map<String, String> options) {
        public Settings {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /**
     * One validated entry.
     *
     * @param name the domain's name (as configured) or {@code "*"}
     * @param sid the domain SID if configured
     * @param backend its backend
     * @param range its ids
     * @param baseRid rid only: the RID mapped to {@code range.low()}
     * @param rangeSize autorid: ids per slot; hash: ids per slice; otherwise 0
     */
    public record Domain(String name, Optional<Sid> sid, Backend backend, IdRange range, long baseRid, long rangeSize) {
        public boolean isDefault() {
            return DEFAULT.equals(name);
        }
    }

    private final List<Domain> domains;

    private IdMapConfig(List<Domain> domains) {
        this.domains = List.copyOf(domains);
    }

    /** Every entry, the default one (if any) first. */
    public List<Domain> domains() {
        return domains;
    }

    /** The {@code *} entry. */
    public Optional<Domain> defaultDomain() {
        return domains.stream().filter(Domain::isDefault).findFirst();
    }

    /** The entry named {@code name} (case-insensitively). */
    public Optional<Domain> domain(String name) {
        return domains.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The key of {@code setting} (backend, range, sid, base-rid, rangesize) for entry {@code name}. */
    public static String key(String name, String setting) {
        return DEFAULT.equals(name) ? "bossa.idmap.default-" + setting : "bossa.idmap.domains." + name + "." + setting;
    }

    /**
     * Checks and builds the settings: valid names, SIDs, backends (tdb, autorid or hash for
     * {@code *}; rid, ad, hash or tdb for a domain), ranges ({@link IdRange}), options, and no two
     * ranges overlapping.
     *
     * @throws IdMapConfigException listing every problem found
     */
    public static IdMapConfig of(List<Settings> settings) throws IdMapConfigException {
        List<String> problems = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<Sid, String> sids = new HashMap<>();
        for (Settings s : settings) {
            if (s.name() == null || s.name().isBlank() || s.name().chars().anyMatch(Character::isISOControl)) {
                problems.add("bossa.idmap.domains: a domain has no usable name");
                continue;
            }
            String name = s.name().strip();
            String previous = names.putIfAbsent(name.toUpperCase(Locale.ROOT), name);
            if (previous != null) {
                problems.add(key(name, "backend") + ": domain " + name + " is configured twice");
                continue;
            }
            parse(name, s, problems).ifPresent(d -> {
                d.sid().ifPresent(sid -> {
                    String other = sids.putIfAbsent(sid, d.name());
                    if (other != null) {
                        problems.add(key(d.name(), "sid") + ": " + sid + " is already the SID of " + key(other, "sid"));
                    }
                });
                domains.add(d);
            });
        }
        for (int i = 0; i < domains.size(); i++) {
            for (int j = i + 1; j < domains.size(); j++) {
                Domain a = domains.get(i);
                Domain b = domains.get(j);
                if (a.range().overlaps(b.range())) {
                    problems.add(key(a.name(), "range") + " (" + a.range() + ") overlaps " + key(b.name(), "range")
                            + " (" + b.range() + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IdMapConfigException(problems);
        }
        domains.sort(Comparator.comparing((Domain d) -> !d.isDefault()));
        return new IdMapConfig(domains);
    }

    private static Optional<Domain> parse(String name, Settings s, List<String> problems) {
        int before = problems.size();
        boolean isDefault = DEFAULT.equals(name);
        Backend backend = Backend.TDB;
        if (s.backend() == null || s.backend().isBlank()) {
            if (!isDefault) {
                problems.add(key(name, "backend") + " is missing (rid, ad, hash or tdb)");
            }
        } else {
            Optional<Backend> b = Backend.parse(s.backend());
            if (b.isEmpty()) {
                problems.add(key(name, "backend") + ": unknown backend '" + s.backend() + "'");
            } else if (isDefault && (b.get() == Backend.RID || b.get() == Backend.AD)) {
                problems.add(key(name, "backend") + ": " + b.get().settingValue()
                        + " needs a domain; the default may be tdb, autorid or hash");
            } else if (!isDefault && b.get() == Backend.AUTORID) {
                problems.add(key(name, "backend") + ": autorid can only be " + key(DEFAULT, "backend"));
            } else {
                backend = b.get();
            }
        }
        Optional<Sid> sid = Optional.empty();
        if (s.sid() != null && !s.sid().isBlank()) {
            if (isDefault) {
                problems.add(key(name, "sid") + ": the default range has no domain SID");
            } else {
                try {
                    sid = Optional.of(Sid.parse(s.sid().strip()));
                } catch (DtypFormatException e) {
                    problems.add(key(name, "sid") + ": '" + s.sid() + "' is not a SID");
                }
            }
        }
        IdRange range = null;
        if (s.range() == null || s.range().isBlank()) {
            if (backend == Backend.HASH) {
                range = HashIdMap.DEFAULT_RANGE;
            } else {
                problems.add(key(name, "range") + " is missing");
            }
        } else {
            try {
                range = IdRange.parse(s.range());
            } catch (IllegalArgumentException e) {
                problems.add(key(name, "range") + ": " + e.getMessage());
            }
        }
        long baseRid = 0;
        long rangeSize = switch (backend) {
            case AUTORID -> AutoridIdMap.DEFAULT_RANGE_SIZE;
            case HASH -> HashIdMap.DEFAULT_SLICE_SIZE;
            default -> 0;
        };
        for (Map.Entry<String, String> option : s.options().entrySet()) {
            String k = option.getKey();
            if (k.equals(BASE_RID) && backend == Backend.RID) {
                baseRid = number(key(name, k), option.getValue(), 0, 0xFFFF_FFFFL, problems);
            } else if (k.equals(RANGE_SIZE) && (backend == Backend.AUTORID || backend == Backend.HASH)) {
                long min = backend == Backend.AUTORID ? AutoridIdMap.MIN_RANGE_SIZE : 1;
                rangeSize = number(key(name, k), option.getValue(), min, IdRange.MAX_ID, problems);
            } else if (!Set.of("backend", "range", "sid").contains(k)) {
                problems.add(key(name, k) + ": not a setting of the " + backend.settingValue() + " backend");
            }
        }
        if (range != null && rangeSize > range.size()) {
            problems.add(key(name, RANGE_SIZE) + ": " + rangeSize + " is larger than " + key(name, "range") + " ("
                    + range + ")");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Domain(name, sid, backend, range, baseRid, rangeSize));
    }

    private static long number(String key, String value, long min, long max, List<String> problems) {
        try {
            long v = Long.parseLong(value == null ? "" : value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": '" + value + "' is not a number from " + min + " to " + max);
        return min;
    }
}
