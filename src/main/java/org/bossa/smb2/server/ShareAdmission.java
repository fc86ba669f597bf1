package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bossa.auth.Token;
import org.bossa.domain.GroupLookup;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.identity.NameResolver;

/**
 * Who may connect to a share ({@code bossa.shares[].valid-users}), parsed once at start-up.
 *
 * <p>Entries, as Samba's {@code valid users} with Bossa's own rule for unqualified names:
 * <ul>
 * <li>{@code alice} or {@code SERVER\alice}: the local user alice of this server, only;
 * <li>{@code EXAMPLE\alice} or {@code alice@example.test}: the user alice of the joined domain;
 * <li>{@code +EXAMPLE\engineers} (or {@code @EXAMPLE\engineers}, Samba's spelling): any member of
 *     that domain group, by its SID in the session's token;
 * <li>{@code +staff}: members of the host's POSIX group staff, by the token's gids;
 * <li>{@code S-1-5-21-...}: the user with that SID or any member of the group with that SID.
 * </ul>
 * User and SID entries need no lookup and are tried first. Group entries are then resolved in the
 * order given: a group the source says does not exist is skipped; a lookup that cannot be answered
 * (the DC unreachable, a timeout) refuses the connection unless an entry already admitted the user:
 * fail closed, as Samba 4.21 does when {@code lookup_name} fails.
 */
public final class ShareAdmission {
    /** Longest name taken: sAMAccountName of a group allows 256 characters. */
    private static final int MAX_NAME = 256;

    /** An empty list: every authenticated user. */
    public static final ShareAdmission EVERYONE = new ShareAdmission(List.of(), List.of());

    /**
     * The names this server answers to, for qualifying entries.
     *
     * @param localName this server's NetBIOS name: the domain of its local users and groups
     * @param domainName the joined domain's NetBIOS name, empty when standalone
     * @param domainDnsName the joined domain's DNS name, empty when standalone
     */
    public record Scope(String localName, Optional<String> domainName, Optional<String> domainDnsName) {
        public Scope {
            Objects.requireNonNull(localName, "localName");
            Objects.requireNonNull(domainName, "domainName");
            Objects.requireNonNull(domainDnsName, "domainDnsName");
        }

        public static Scope standalone(String localName) {
            return new Scope(localName, Optional.empty(), Optional.empty());
        }
    }

    /** One parsed entry. */
    public sealed interface Entry {
        /** The entry as the configuration spells it, canonically. */
        String display();
    }

    /** A user, by domain and account name (compared without case, as Windows compares them). */
    public record User(String domain, String account) implements Entry {
        boolean matches(Token t) {
            return t.domain().equalsIgnoreCase(domain) && t.account().equalsIgnoreCase(account);
        }

        @Override
        public String display() {
            return domain + "\\" + account;
        }
    }

    /** A SID: the token's user or one of its groups. */
    public record SidEntry(Sid sid) implements Entry {
        boolean matches(Token t) {
            return t.isUser(sid) || t.isMemberOf(sid);
        }

        @Override
        public String display() {
            return sid.toString();
        }
    }

    /** A group by name, resolved to its SID when a user connects. */
    public record Group(String domain, String name) implements Entry {
        @Override
        public String display() {
            return "+" + domain + "\\" + name;
        }
    }

    /** What TREE_CONNECT does with the user. */
    public enum Outcome {
        ADMITTED,
        /** No entry names the user. */
        NOT_LISTED,
        /** A group could not be resolved before any entry admitted the user: refused, fail closed. */
        UNRESOLVED
    }

    /**
     * @param entry for UNRESOLVED, the group that could not be resolved
     * @param reason for UNRESOLVED, why
     */
    public record Verdict(Outcome outcome, String entry, String reason) {
        static final Verdict ADMITTED = new Verdict(Outcome.ADMITTED, "", "");
        static final Verdict NOT_LISTED = new Verdict(Outcome.NOT_LISTED, "", "");

        public boolean admitted() {
            return outcome == Outcome.ADMITTED;
        }
    }

    private final List<Entry> direct;
    private final List<Group> groups;

    private ShareAdmission(List<Entry> direct, List<Group> groups) {
        this.direct = List.copyOf(direct);
        this.groups = List.copyOf(groups);
    }

    /**
     * Parses {@code bossa.shares[].valid-users}.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static ShareAdmission parse(List<String> entries, Scope scope) {
        List<Entry> direct = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (String raw : entries) {
            Entry e = parseEntry(raw, scope);
            if (e instanceof Group g) {
                groups.add(g);
            } else {
                direct.add(e);
            }
        }
        return direct.isEmpty() && groups.isEmpty() ? EVERYONE : new ShareAdmission(direct, groups);
    }

    static Entry parseEntry(String raw, Scope scope) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an entry is empty");
        }
        if (s.length() > 2 && (s.charAt(0) == 'S' || s.charAt(0) == 's') && s.charAt(1) == '-'
                && Character.isDigit(s.charAt(2))) {
            try {
                return new SidEntry(Sid.parse(s));
            } catch (DtypFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a valid SID: " + e.getMessage(), e);
            }
        }
        boolean group = false;
        if (s.charAt(0) == '&' || s.startsWith("+&")) {
            throw new IllegalArgumentException("'" + s + "': NIS netgroups (&) are not supported");
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '@') {
            group = true;
            s = s.substring(1);
        }
        String domain;
        String name;
        int backslash = s.indexOf('\\');
        int at = s.lastIndexOf('@');
        if (backslash >= 0) {
            domain = s.substring(0, backslash);
            name = s.substring(backslash + 1);
            domain = qualify(raw, domain, scope);
        } else if (at > 0) {
            name = s.substring(0, at);
            String dns = s.substring(at + 1);
            if (scope.domainDnsName().isEmpty()) {
                throw notJoined(raw);
            }
            if (!dns.equalsIgnoreCase(scope.domainDnsName().get())) {
                throw new IllegalArgumentException("'" + raw.strip() + "': " + dns + " is not the joined domain ("
                        + scope.domainDnsName().get() + "); other domains are not supported");
            }
            domain = scope.domainName().orElseThrow();
        } else {
            // unqualified: this server's own user or group, never a domain account of the same name
            domain = scope.localName();
            name = s;
        }
        checkName(raw, name);
        return group ? new Group(domain, name) : new User(domain, name);
    }

    private static String qualify(String raw, String domain, Scope scope) {
        if (domain.equalsIgnoreCase(scope.localName())) {
            return scope.localName();
        }
        if (scope.domainName().isEmpty()) {
            throw notJoined(raw);
        }
        if (domain.equalsIgnoreCase(scope.domainName().get())) {
            return scope.domainName().get().toUpperCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("'" + raw.strip() + "': " + domain + " is neither this server ("
                + scope.localName() + ") nor its domain (" + scope.domainName().get()
                + "); other domains are not supported");
    }

    private static IllegalArgumentException notJoined(String raw) {
        return new IllegalArgumentException("'" + raw.strip() + "' names a domain, but this server is not joined to one"
                + " (an unqualified name means a local user)");
    }

    private static void checkName(String raw, String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("'" + raw.strip() + "': the name must be 1 to " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new IllegalArgumentException("'" + raw.strip() + "': the name has a control character or a second '\\'");
            }
        }
    }

    /** Whether the list is empty (every authenticated user is admitted). */
    public boolean admitsEveryone() {
        return direct.isEmpty() && groups.isEmpty();
    }

    /** The entries: user and SID entries first, then groups, each in the order configured. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(direct);
        all.addAll(groups);
        return all;
    }

    /**
     * Decides whether {@code token} may connect. May block on {@code names} (a DC lookup, bounded by
     * the resolver's timeout): call it from a request's virtual thread, never an event loop.
     */
    public Verdict admit(Token token, NameResolver names) {
        if (admitsEveryone()) {
            return Verdict.ADMITTED;
        }
        for (Entry e : direct) {
            boolean match = switch (e) {
                case User u -> u.matches(token);
                case SidEntry s -> s.matches(token);
                case Group g -> false;
            };
            if (match) {
                return Verdict.ADMITTED;
            }
        }
        for (Group g : groups) {
            switch (names.lookupGroup(g.domain(), g.name())) {
                case GroupLookup.Found f -> {
                    if (token.isMemberOf(f.sid())) {
                        return Verdict.ADMITTED;
                    }
                }
                case GroupLookup.NotFound n -> {
                    // skipped, as Samba skips a name lookup_name maps to nothing (the resolver logs it once)
                }
                case GroupLookup.Failed f -> {
                    return new Verdict(Outcome.UNRESOLVED, g.display(), f.reason());
                }
            }
        }
        return Verdict.NOT_LISTED;
    }

    @Override
    public String toString() {
        return entries().stream().map(Entry::display).toList().toString();
    }
}
