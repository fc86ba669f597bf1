package org.bossa.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bossa.idmap.*}: how SIDs become uids and gids, per domain, with Samba's
 * {@code idmap config DOMAIN : backend / range} semantics.
 *
 * <pre>
 * bossa:
 *   idmap:
 *     default-range: 3000-7999          # Samba's "idmap config * : range": BUILTIN, well-known SIDs, other domains
 *     domains:
 *       EXAMPLE:
 *         backend: rid                  # rid | autorid | ad | hash
 *         range: 10000-999999
 * </pre>
 *
 * Without a {@code domains} entry for the joined domain, it uses the rid backend over
 * {@code bossa.domain.idmap-range}, as before.
 */
public class IdmapProperties {
    /** The allocator's range for SIDs no domain backend maps; empty: such SIDs get no id. */
    @NotNull
    private String defaultRange = "3000-7999";

    @Valid
    @NotNull
    private Map<String, Domain> domains = new LinkedHashMap<>();

    public String getDefaultRange() {
        return defaultRange;
    }

    public void setDefaultRange(String defaultRange) {
        this.defaultRange = defaultRange;
    }

    public Map<String, Domain> getDomains() {
        return domains;
    }

    public void setDomains(Map<String, Domain> domains) {
        this.domains = domains;
    }

    /** {@code bossa.idmap.domains.<NAME>.*}: one domain's backend. */
    public static class Domain {
        @NotNull
        private String backend = "rid";
        @NotNull
        private String range = "";
        /** rid: the RID mapped to the range's first id. */
        private long baseRid = 0;
        /** autorid: ids per domain slot. */
        private long rangeSize = 100_000;

        public String getBackend() {
            return backend;
        }

        public void setBackend(String backend) {
            this.backend = backend;
        }

        public String getRange() {
            return range;
        }

        public void setRange(String range) {
            this.range = range;
        }

        public long getBaseRid() {
            return baseRid;
        }

        public void setBaseRid(long baseRid) {
            this.baseRid = baseRid;
        }

        public long getRangeSize() {
            return rangeSize;
        }

        public void setRangeSize(long rangeSize) {
            this.rangeSize = rangeSize;
        }
    }
}
