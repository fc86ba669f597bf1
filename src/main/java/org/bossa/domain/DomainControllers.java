package org.bossa.domain;

import java.util.List;
import java.util.Set;
import org.bossa.domain.locator.DcLocator;
import org.bossa.domain.locator.DomainController;
import org.bossa.domain.locator.LocatorConfig;
import org.bossa.domain.locator.LocatorException;
import org.bossa.domain.locator.Requirement;

/**
 * Finds the DC a domain operation or the secure channel uses: the configured DCs in order, else
 * DNS discovery; when discovery finds none, the DC this member last used (as winbindd falls back
 * to its cached DC).
 */
final class DomainControllers {
    private DomainControllers() {
    }

    static DomainController locate(DomainSettings s, String dnsDomain, Set<Requirement> requirements)
            throws LocatorException {
        LocatorConfig config = s.locatorConfig();
        try {
            return new DcLocator(config).locate(dnsDomain, requirements);
        } catch (LocatorException e) {
            if (!s.controllers().isEmpty() || s.lastDc().isEmpty()) {
                throw e;
            }
            try {
                return new DcLocator(config.withControllers(List.of(s.lastDc().get()))).locate(dnsDomain, requirements);
            } catch (LocatorException again) {
                throw new LocatorException(e.cause(), e.getMessage() + "; the last DC used, " + s.lastDc().get()
                        + ", did not do either: " + again.getMessage());
            }
        }
    }
}
