package org.bossa.identity;

import org.bossa.domain.GroupLookup;

/**
 * Resolves a group name to its SID. {@code domain} is the NetBIOS name of the group's domain: this
 * server's own name for a group of the host, the joined domain's for a domain group. Implementations
 * never throw for an unanswered lookup: they return {@link GroupLookup.Failed}.
 */
@FunctionalInterface
public interface NameResolver {
    GroupLookup lookupGroup(String domain, String name);
}
