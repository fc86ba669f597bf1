package org.bossa.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bossa.domain.GroupLookup;

/**
 * Sends a lookup to the source that knows the domain: this server's own name to the host's groups,
 * the joined domain's NetBIOS name to the DC. Any other domain has no source here (trusted domains
 * are not resolved), which is an unanswered lookup, never "no such group".
 */
public final class ScopedNameResolver implements NameResolver {
    private final String localName;
    private final HostGroups host;
    private final Optional<String> domain;
    private final Function<String, GroupLookup> directory;

    private ScopedNameResolver(String localName, HostGroups host, Optional<String> domain,
            Function<String, GroupLookup> directory) {
        this.localName = Objects.requireNonNull(localName);
        this.host = Objects.requireNonNull(host);
        this.domain = domain;
        this.directory = directory;
    }

    /** A standalone server: host groups only. */
    public static ScopedNameResolver standalone(String localName, HostGroups host) {
        return new ScopedNameResolver(localName, host, Optional.empty(), null);
    }

    /** A member: host groups, and the joined domain {@code domainName}'s groups from {@code directory}. */
    public static ScopedNameResolver member(String localName, HostGroups host, String domainName,
            Function<String, GroupLookup> directory) {
        return new ScopedNameResolver(localName, host, Optional.of(domainName), Objects.requireNonNull(directory));
    }

    @Override
    public GroupLookup lookupGroup(String domainName, String name) {
        if (domainName.equalsIgnoreCase(localName)) {
            return host.lookup(name);
        }
        if (domain.isPresent() && domainName.equalsIgnoreCase(domain.get())) {
            return directory.apply(name);
        }
        return new GroupLookup.Failed("no source of names for domain " + domainName);
    }
}
