package org.bossa.domain;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.domain.DirectoryLookupException.Reason;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.text.LogSafe;

/**
 * Account lookups over one authenticated LDAP connection to a DC (normally the machine account's
 * sealed SASL GSSAPI bind, see {@link MachineAccountDirectory}). Everything is searched under the
 * domain's naming context (the rootDSE's {@code defaultNamingContext}).
 *
 * <p>Large answers are bounded: a group's {@code member} values are read with range retrieval
 * ({@code member;range=0-1499}, then on from where the DC's answer stopped until it answers
 * {@code -*}: AD hands out at most 1500 values per request and drops the plain attribute for larger
 * groups), member DNs are resolved to names and SIDs in
 * batches of {@link #RESOLVE_BATCH}, and enumerations use the simple paged results control
 * (RFC 2696) with pages of {@link #PAGE_SIZE}, abandoning the paged search once the cap is reached.
 *
 * <p>Not thread-safe: with a SASL layer messages must leave in the order they were wrapped; use
 * one instance from one thread at a time.
 */
public final class DirectoryAccounts implements AccountDirectory {
    /** Entries per page of a paged search (AD's MaxPageSize is 1000). */
    static final int PAGE_SIZE = 500;
    /** Values asked for per range request (AD's default MaxValRange; a DC may hand out fewer). */
    static final int RANGE_STEP = 1500;
    /** Member DNs resolved per search (an OR of distinguishedName equalities). */
    static final int RESOLVE_BATCH = 100;

    private static final String[] ATTRIBUTES = {"objectSid", "sAMAccountName", "objectClass", "groupType",
        "displayName", "userPrincipalName", "primaryGroupID", "uidNumber", "gidNumber", "unixHomeDirectory",
        "loginShell"};
    /** groupType bits (MS-ADTS 2.2.12): builtin local and domain local groups are aliases. */
    private static final int GROUP_TYPE_BUILTIN_LOCAL = 0x1;
    private static final int GROUP_TYPE_DOMAIN_LOCAL = 0x4;
    /** sAMAccountType values (MS-ADTS 2.2.15). */
    private static final String SAM_NORMAL_USER_ACCOUNT = "805306368";
    private static final String SAM_GROUP_OBJECT = "268435456";
    private static final String SAM_ALIAS_OBJECT = "536870912";
    /** LDAP_MATCHING_RULE_BIT_AND. */
    private static final String BIT_AND = "1.2.840.113556.1.4.803";
    private static final Comparator<DirectoryAccount> BY_NAME = Comparator
            .comparing(DirectoryAccount::samAccountName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(a -> a.sid().toString());

    private final LDAPInterface ldap;
    private final String dcHostName;
    private String baseDn;
    private Sid domainSid;

    /**
     * @param ldap an authenticated connection to a DC of the domain
     * @param dcHostName that DC's name, for {@link #lastDc()} and messages
     */
    public DirectoryAccounts(LDAPInterface ldap, String dcHostName) {
        this.ldap = Objects.requireNonNull(ldap, "ldap");
        this.dcHostName = Objects.requireNonNull(dcHostName, "dcHostName");
    }

    @Override
    public String lastDc() {
        return dcHostName;
    }

    @Override
    public Optional<DirectoryAccount> byName(String name) throws DirectoryLookupException {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        // the SDK escapes the value (RFC 4515): a name with '*' or ')' matches only itself
        List<DirectoryAccount> found = search(Filter.createANDFilter(Filter.createPresenceFilter("objectSid"),
                Filter.createORFilter(Filter.createEqualityFilter("sAMAccountName", name),
                        Filter.createEqualityFilter("userPrincipalName", name))), "name " + LogSafe.quote(name));
        // a sAMAccountName match wins over another account whose UPN happens to be that string
        return found.stream().filter(a -> a.samAccountName().equalsIgnoreCase(name)).findFirst()
                .or(() -> found.stream().findFirst());
    }

    @Override
    public Optional<DirectoryAccount> bySid(Sid sid) throws DirectoryLookupException {
        return first(search(accountWithSid(sid), "SID " + sid));
    }

    @Override
    public Optional<DirectoryAccount> byUidNumber(long uid) throws DirectoryLookupException {
        return first(search(Filter.createANDFilter(Filter.createEqualityFilter("uidNumber", Long.toString(uid)),
                Filter.createPresenceFilter("objectSid"), Filter.createPresenceFilter("sAMAccountName")),
                "uidNumber " + uid));
    }

    @Override
    public Optional<DirectoryAccount> byGidNumber(long gid) throws DirectoryLookupException {
        return first(search(Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                Filter.createEqualityFilter("gidNumber", Long.toString(gid)),
                Filter.createPresenceFilter("objectSid")), "gidNumber " + gid));
    }

    @Override
    public Optional<List<Sid>> tokenGroups(Sid user) throws DirectoryLookupException {
        Optional<DirectoryAccount> account = bySid(user);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String what = "tokenGroups of " + user;
        // a constructed attribute: AD computes it only for a base-scope search of the object itself
        SearchResultEntry e;
        try {
            e = ldap.getEntry(account.get().dn(), "tokenGroups");
        } catch (LDAPException x) {
            throw failure(what, x);
        }
        if (e == null) {
            return Optional.empty(); // deleted between the two searches
        }
        byte[][] values = e.getAttributeValueByteArrays("tokenGroups");
        List<Sid> sids = new ArrayList<>(values == null ? 0 : values.length);
        if (values != null) {
            for (byte[] v : values) {
                sids.add(decodeSid(v, what));
            }
        }
        return Optional.of(List.copyOf(sids));
    }

    @Override
    public Optional<AccountListing> members(Sid group, int cap) throws DirectoryLookupException {
        requireCap(cap);
        Optional<DirectoryAccount> g = bySid(group);
        if (g.isEmpty() || !g.get().kind().isGroup()) {
            return Optional.empty();
        }
        String what = "members of " + group;
        RangedValues dns = memberDns(g.get().dn(), cap, what);
        Map<Sid, DirectoryAccount> members = new LinkedHashMap<>();
        for (DirectoryAccount a : resolve(dns.values(), what)) {
            members.putIfAbsent(a.sid(), a);
        }
        boolean truncated = dns.truncated();
        // primary-group members are not in 'member' (Domain Users lists nobody there)
        if (group.domain().equals(domainSid()) && members.size() < cap) {
            Paged primary = paged(Filter.createANDFilter(
                    Filter.createEqualityFilter("primaryGroupID", Long.toString(group.rid())),
                    Filter.createPresenceFilter("objectSid")), cap - members.size(), what + " (primary group)");
            for (DirectoryAccount a : primary.accounts()) {
                members.putIfAbsent(a.sid(), a);
            }
            truncated |= primary.truncated();
        } else if (group.domain().equals(domainSid())) {
            truncated = true; // cap reached by explicit members; primary-group members not read
        }
        List<DirectoryAccount> sorted = new ArrayList<>(members.values());
        sorted.sort(BY_NAME);
        return Optional.of(new AccountListing(sorted, truncated));
    }

    @Override
    public AccountListing users(int cap) throws DirectoryLookupException {
        requireCap(cap);
        Paged p = paged(Filter.createEqualityFilter("sAMAccountType", SAM_NORMAL_USER_ACCOUNT), cap, "users");
        return sorted(p);
    }

    @Override
    public AccountListing groups(int cap) throws DirectoryLookupException {
        requireCap(cap);
        Filter securityGroups = Filter.createANDFilter(
                Filter.createORFilter(Filter.createEqualityFilter("sAMAccountType", SAM_GROUP_OBJECT),
                        Filter.createEqualityFilter("sAMAccountType", SAM_ALIAS_OBJECT)),
                Filter.createNOTFilter(Filter.createExtensibleMatchFilter("groupType", BIT_AND, false,
                        Integer.toString(GROUP_TYPE_BUILTIN_LOCAL))));
        return sorted(paged(securityGroups, cap, "groups"));
    }

    /** The domain SID: the objectSid of the naming context's head. */
    public Sid domainSid() throws DirectoryLookupException {
        if (domainSid == null) {
            SearchResultEntry e;
            try {
                e = ldap.getEntry(baseDn(), "objectSid");
            } catch (LDAPException x) {
                throw failure("the domain object", x);
            }
            byte[] v = e == null ? null : e.getAttributeValueBytes("objectSid");
            if (v == null) {
                throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, baseDn + " has no objectSid we may read");
            }
            domainSid = decodeSid(v, "the domain SID");
        }
        return domainSid;
    }

    private static AccountListing sorted(Paged p) {
        List<DirectoryAccount> list = new ArrayList<>(p.accounts());
        list.sort(BY_NAME);
        return new AccountListing(list, p.truncated());
    }

    private static void requireCap(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
    }

    private static Filter accountWithSid(Sid sid) {
        // an account, not the foreign security principal object a well-known SID has when it is a member
        return Filter.createANDFilter(Filter.createEqualityFilter("objectSid", sid.encode()),
                Filter.createPresenceFilter("sAMAccountName"));
    }

    private static Optional<DirectoryAccount> first(List<DirectoryAccount> found) {
        // several accounts sharing a uidNumber is an administrator's mistake: answer the first by name, stably
        return found.stream().min(BY_NAME);
    }

    private String baseDn() throws DirectoryLookupException {
        if (baseDn == null) {
            Entry root;
            try {
                root = ldap.getRootDSE();
            } catch (LDAPException x) {
                throw failure("the rootDSE", x);
            }
            String base = root == null ? null : root.getAttributeValue("defaultNamingContext");
            if (base == null) {
                throw new DirectoryLookupException(Reason.MALFORMED_ANSWER,
                        "the DC's rootDSE names no defaultNamingContext");
            }
            baseDn = base;
        }
        return baseDn;
    }

    private List<DirectoryAccount> search(Filter filter, String what) throws DirectoryLookupException {
        SearchResult r;
        try {
            r = ldap.search(baseDn(), SearchScope.SUB, filter, ATTRIBUTES);
        } catch (LDAPException x) {
            throw failure(what, x);
        }
        List<DirectoryAccount> out = new ArrayList<>(r.getEntryCount());
        for (SearchResultEntry e : r.getSearchEntries()) {
            out.add(decode(e, what));
        }
        return out;
    }

    private record Paged(List<DirectoryAccount> accounts, boolean truncated) {
    }

    /** Up to {@code cap} matches, page by page; truncated when the DC had more. */
    private Paged paged(Filter filter, int cap, String what) throws DirectoryLookupException {
        List<DirectoryAccount> out = new ArrayList<>();
        ASN1OctetString cookie = null;
        boolean truncated = false;
        try {
            do {
                SearchRequest request = new SearchRequest(baseDn(), SearchScope.SUB, filter, ATTRIBUTES);
                request.addControl(new SimplePagedResultsControl(Math.min(PAGE_SIZE, cap - out.size() + 1), cookie,
                        true));
                SearchResult r = ldap.search(request);
                for (SearchResultEntry e : r.getSearchEntries()) {
                    if (out.size() == cap) {
                        truncated = true;
                        break;
                    }
                    out.add(decode(e, what));
                }
                SimplePagedResultsControl page = SimplePagedResultsControl.get(r);
                cookie = page == null ? null : page.getCookie();
                if (truncated || out.size() == cap) {
                    boolean more = cookie != null && cookie.getValueLength() > 0;
                    truncated |= more;
                    if (more) {
                        abandon(filter, cookie);
                    }
                    break;
                }
            } while (cookie != null && cookie.getValueLength() > 0);
        } catch (LDAPException x) {
            throw failure(what, x);
        }
        return new Paged(out, truncated);
    }

    /** RFC 2696: a page size of zero with the cookie releases the DC's state for the search. */
    private void abandon(Filter filter, ASN1OctetString cookie) {
        try {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, "1.1");
            request.addControl(new SimplePagedResultsControl(0, cookie, true));
            ldap.search(request);
        } catch (LDAPException ignored) {
            // the DC forgets the search on its own after a while; the answer we have stands
        }
    }

    private record RangedValues(List<String> values, boolean truncated) {
    }

    /**
     * The values of a group's {@code member}, at most {@code cap}: ask for
     * {@code member;range=N-(N+1499)} and go on from where the DC's answer ({@code member;range=N-M})
     * stopped until it says {@code -*} (or has nothing more). A DC that answers with the plain
     * attribute has given them all.
     */
    private RangedValues memberDns(String groupDn, int cap, String what) throws DirectoryLookupException {
        List<String> dns = new ArrayList<>();
        long start = 0;
        while (true) {
            SearchResultEntry e;
            try {
                e = ldap.getEntry(groupDn, "member;range=" + start + "-" + (start + RANGE_STEP - 1));
            } catch (LDAPException x) {
                throw failure(what, x);
            }
            if (e == null) {
                return new RangedValues(dns, false);
            }
            Attribute ranged = null;
            Attribute plain = null;
            for (Attribute a : e.getAttributes()) {
                String name = a.getName().toLowerCase(Locale.ROOT);
                if (name.startsWith("member;range=")) {
                    ranged = a;
                } else if (name.equals("member")) {
                    plain = a;
                }
            }
            Attribute got = ranged != null ? ranged : plain;
            if (got == null) {
                return new RangedValues(dns, false); // no (more) members
            }
            for (String dn : got.getValues()) {
                if (dns.size() == cap) {
                    return new RangedValues(dns, true);
                }
                dns.add(dn);
            }
            if (ranged == null) {
                return new RangedValues(dns, false);
            }
            String range = ranged.getName().substring("member;range=".length());
            int dash = range.indexOf('-');
            String end = dash < 0 ? "" : range.substring(dash + 1);
            if (end.equals("*")) {
                return new RangedValues(dns, false);
            }
            long last;
            try {
                last = Long.parseLong(end);
            } catch (NumberFormatException x) {
                throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": range " + range, x);
            }
            if (last < start || got.size() == 0) {
                throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": range " + range
                        + " does not advance from " + start);
            }
            if (dns.size() == cap) {
                return new RangedValues(dns, true);
            }
            start = last + 1;
        }
    }

    /** Member DNs to accounts, a batch of DNs per search; DNs the DC does not find (other domains) are left out. */
    private List<DirectoryAccount> resolve(List<String> dns, String what) throws DirectoryLookupException {
        List<DirectoryAccount> out = new ArrayList<>(dns.size());
        for (int i = 0; i < dns.size(); i += RESOLVE_BATCH) {
            List<Filter> any = new ArrayList<>();
            for (String dn : dns.subList(i, Math.min(dns.size(), i + RESOLVE_BATCH))) {
                any.add(Filter.createEqualityFilter("distinguishedName", dn));
            }
            out.addAll(search(Filter.createANDFilter(Filter.createPresenceFilter("objectSid"),
                    Filter.createORFilter(any)), what));
        }
        return out;
    }

    private static DirectoryAccount decode(SearchResultEntry e, String what) throws DirectoryLookupException {
        byte[] sidBytes = e.getAttributeValueBytes("objectSid");
        if (sidBytes == null) {
            throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": " + e.getDN()
                    + " has no objectSid we may read");
        }
        Sid sid = decodeSid(sidBytes, what);
        AccountKind kind = kind(e, what);
        String name = e.getAttributeValue("sAMAccountName");
        if (name == null && kind != AccountKind.FOREIGN) {
            throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": " + e.getDN()
                    + " has no sAMAccountName we may read");
        }
        Optional<Sid> primary = Optional.empty();
        String primaryId = e.getAttributeValue("primaryGroupID");
        if (primaryId != null && (kind == AccountKind.USER || kind == AccountKind.COMPUTER)) {
            primary = Optional.of(sid.domain().withRid(number(primaryId, "primaryGroupID", e, what)));
        }
        return new DirectoryAccount(sid, name == null ? "" : name, kind, orEmpty(e.getAttributeValue("displayName")),
                orEmpty(e.getAttributeValue("userPrincipalName")), primary, optionalNumber(e, "uidNumber", what),
                optionalNumber(e, "gidNumber", what), Optional.ofNullable(e.getAttributeValue("unixHomeDirectory")),
                Optional.ofNullable(e.getAttributeValue("loginShell")), e.getDN());
    }

    private static AccountKind kind(SearchResultEntry e, String what) throws DirectoryLookupException {
        Map<String, Boolean> classes = new HashMap<>();
        String[] values = e.getAttributeValues("objectClass");
        if (values != null) {
            for (String c : values) {
                classes.put(c.toLowerCase(Locale.ROOT), true);
            }
        }
        if (classes.containsKey("foreignsecurityprincipal")) {
            return AccountKind.FOREIGN;
        }
        if (classes.containsKey("computer")) {
            return AccountKind.COMPUTER;
        }
        if (classes.containsKey("group")) {
            String type = e.getAttributeValue("groupType");
            long groupType = type == null ? 0 : number(type, "groupType", e, what);
            return (groupType & (GROUP_TYPE_BUILTIN_LOCAL | GROUP_TYPE_DOMAIN_LOCAL)) != 0
                    ? AccountKind.ALIAS : AccountKind.DOMAIN_GROUP;
        }
        if (classes.containsKey("user")) {
            return AccountKind.USER;
        }
        return AccountKind.OTHER;
    }

    private static OptionalLong optionalNumber(SearchResultEntry e, String attribute, String what)
            throws DirectoryLookupException {
        String v = e.getAttributeValue(attribute);
        return v == null ? OptionalLong.empty() : OptionalLong.of(number(v, attribute, e, what));
    }

    private static long number(String v, String attribute, SearchResultEntry e, String what)
            throws DirectoryLookupException {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException x) {
            throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": " + attribute + " of " + e.getDN()
                    + " is not a number", x);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Sid decodeSid(byte[] v, String what) throws DirectoryLookupException {
        try {
            return Sid.decode(v);
        } catch (DtypFormatException x) {
            throw new DirectoryLookupException(Reason.MALFORMED_ANSWER, what + ": malformed SID: " + x.getMessage(), x);
        }
    }

    /** A lost or unusable connection is "DC unreachable"; any other LDAP error is the directory's answer. */
    static DirectoryLookupException failure(String what, LDAPException x) {
        ResultCode code = x.getResultCode();
        Reason reason = ResultCode.isConnectionUsable(code) && code != ResultCode.TIMEOUT
                ? Reason.DIRECTORY_ERROR : Reason.DC_UNREACHABLE;
        String diagnostic = x.getDiagnosticMessage();
        return new DirectoryLookupException(reason, "LDAP search for " + what + ": " + code.getName()
                + (diagnostic == null || diagnostic.isBlank() ? "" : ", " + diagnostic.strip()), x);
    }
}
