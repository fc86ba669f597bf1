package org.bossa.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bossa.domain.DomainMembership;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapConfig;
import org.bossa.idmap.IdMapConfigException;
import org.bossa.idmap.IdMapRouter;
import org.bossa.idmap.PosixAttributes;
import org.bossa.store.StateStore;

/**
 * Turns {@code bossa.idmap.*} (and, for the joined domain when it has no entry of its own, the
 * older {@code bossa.domain.idmap-range} with the rid backend) into the id mapper. Invalid or
 * overlapping ranges stop start-up with every problem named by its setting key.
 */
public final class IdmapWiring {
    private IdmapWiring() {
    }

    public static IdMapRouter router(BossaProperties props, StateStore store, DomainMembership joined,
            Function<String, Optional<PosixAttributes>> directory) {
        IdMapConfig config;
        try {
            config = IdMapConfig.of(settings(props, joined));
            return IdMapRouter.create(config, store, Map.of(joined.netbiosDomain(), Sid.parse(joined.domainSid())),
                    directory);
        } catch (IdMapConfigException e) {
            throw new IllegalStateException("invalid idmap settings:\n  " + String.join("\n  ", e.problems()), e);
        }
    }

    public static List<IdMapConfig.Settings> settings(BossaProperties props, DomainMembership joined) {
        IdmapProperties idmap = props.getIdmap();
        List<IdMapConfig.Settings> settings = new ArrayList<>();
        if (!idmap.getDefaultRange().isBlank()) {
            settings.add(new IdMapConfig.Settings(IdMapConfig.DEFAULT, null, null, idmap.getDefaultRange(), Map.of()));
        }
        boolean joinedConfigured = false;
        for (Map.Entry<String, IdmapProperties.Domain> e : idmap.getDomains().entrySet()) {
            IdmapProperties.Domain d = e.getValue();
            Map<String, String> options = new HashMap<>();
            if (d.getBaseRid() != 0) {
                options.put(IdMapConfig.BASE_RID, Long.toString(d.getBaseRid()));
            }
            if ("autorid".equalsIgnoreCase(d.getBackend()) || "hash".equalsIgnoreCase(d.getBackend())) {
                options.put(IdMapConfig.RANGE_SIZE, Long.toString(d.getRangeSize()));
            }
            settings.add(new IdMapConfig.Settings(e.getKey(), null, d.getBackend(), d.getRange().isBlank() ? null
                    : d.getRange(), options));
            joinedConfigured |= e.getKey().equalsIgnoreCase(joined.netbiosDomain());
        }
        if (!joinedConfigured) {
            settings.add(new IdMapConfig.Settings(joined.netbiosDomain(), null, "rid",
                    props.getDomain().getIdmapRange(), Map.of()));
        }
        return settings;
    }
}
