package org.bossa.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Group names of the joined domain to SIDs, asked of a DC over LDAP as this member's machine
 * account: a Kerberos logon with the stored machine password, then the protected bind
 * {@code bossa testjoin} makes (sealed SASL GSSAPI by default, or LDAPS/StartTLS as configured).
 * The settings and the membership are read for each lookup, so a DC change or a machine password
 * rotation is followed. One session per lookup: lookups are rare (their answers are cached above
 * this class) and a held connection would need keep-alive and re-binding on ticket expiry.
 */
public final class DirectoryGroups {
    private final DomainConnector net;
    private final Supplier<DomainSettings> settings;
    private final Supplier<DomainMembership> membership;

    public DirectoryGroups(DomainConnector net, Supplier<DomainSettings> settings, Supplier<DomainMembership> membership) {
        this.net = Objects.requireNonNull(net);
        this.settings = Objects.requireNonNull(settings);
        this.membership = Objects.requireNonNull(membership);
    }

    /** The group {@code name} of the joined domain; never throws: every failure is {@link GroupLookup.Failed}. */
    public GroupLookup lookup(String name) {
        DomainMembership m;
        DomainSettings s;
        try {
            m = membership.get();
            s = settings.get();
        } catch (RuntimeException e) {
            return new GroupLookup.Failed("domain settings: " + e.getMessage());
        }
        char[] password = m.machinePassword().toCharArray();
        try (DirectorySession dir = net.openDirectory(s, m.machinePrincipal(), password)) {
            return dir.names().groupSid(name).<GroupLookup>map(GroupLookup.Found::new).orElse(GroupLookup.NOT_FOUND);
        } catch (DomainException e) {
            return new GroupLookup.Failed(e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // whatever else the SDK or the Kerberos client threw: an unanswered lookup, never "no such group"
            return new GroupLookup.Failed(e.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
