package org.bossa.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bossa.dtyp.Sid;

/**
 * The SIDs every Windows host knows without asking a DC, with their names: the world and creator
 * authorities (Everyone, Creator Owner ...), NT AUTHORITY's well-known groups (Authenticated Users,
 * SYSTEM ...) and the BUILTIN aliases (Administrators, Users ...), as Samba's lookupname and
 * lookupsid answer them (MS-DTYP 2.4.2.4). The directory holds the BUILTIN aliases too, but a
 * lookup must answer them without it, and the others are not accounts in the directory at all
 * (only foreign security principal stubs where they are group members).
 *
 * <p>Names compare without regard to case. A bare name is tried against the well-known groups,
 * then the BUILTIN aliases, the order in which Samba's lookup_name tries them.
 */
public final class WellKnownSids {
    /** The domain shown for the BUILTIN aliases. */
    public static final String BUILTIN = "BUILTIN";
    /** The domain shown for the NT authority's well-known groups. */
    public static final String NT_AUTHORITY = "NT AUTHORITY";

    private static final List<Principal> TABLE = table();
    private static final Map<Sid, Principal> BY_SID = bySid();

    private WellKnownSids() {
    }

    private static List<Principal> table() {
        Object[][] rows = {
            // world, local and creator authorities: no domain name
            {"S-1-1-0", "", "Everyone", SidType.WELL_KNOWN_GROUP},
            {"S-1-2-0", "", "Local", SidType.WELL_KNOWN_GROUP},
            {"S-1-3-0", "", "Creator Owner", SidType.WELL_KNOWN_GROUP},
            {"S-1-3-1", "", "Creator Group", SidType.WELL_KNOWN_GROUP},
            {"S-1-3-2", "", "Creator Owner Server", SidType.WELL_KNOWN_GROUP},
            {"S-1-3-3", "", "Creator Group Server", SidType.WELL_KNOWN_GROUP},
            {"S-1-3-4", "", "Owner Rights", SidType.WELL_KNOWN_GROUP},
            // NT AUTHORITY
            {"S-1-5", NT_AUTHORITY, "", SidType.DOMAIN},
            {"S-1-5-1", NT_AUTHORITY, "Dialup", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-2", NT_AUTHORITY, "Network", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-3", NT_AUTHORITY, "Batch", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-4", NT_AUTHORITY, "Interactive", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-6", NT_AUTHORITY, "Service", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-7", NT_AUTHORITY, "Anonymous Logon", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-8", NT_AUTHORITY, "Proxy", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-9", NT_AUTHORITY, "Enterprise Domain Controllers", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-10", NT_AUTHORITY, "Self", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-11", NT_AUTHORITY, "Authenticated Users", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-12", NT_AUTHORITY, "Restricted", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-13", NT_AUTHORITY, "Terminal Server User", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-14", NT_AUTHORITY, "Remote Interactive Logon", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-15", NT_AUTHORITY, "This Organization", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-18", NT_AUTHORITY, "SYSTEM", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-19", NT_AUTHORITY, "Local Service", SidType.WELL_KNOWN_GROUP},
            {"S-1-5-20", NT_AUTHORITY, "Network Service", SidType.WELL_KNOWN_GROUP},
            // BUILTIN (MS-DTYP 2.4.2.4 DOMAIN_ALIAS_RID_*)
            {"S-1-5-32", BUILTIN, "", SidType.DOMAIN},
            {"S-1-5-32-544", BUILTIN, "Administrators", SidType.ALIAS},
            {"S-1-5-32-545", BUILTIN, "Users", SidType.ALIAS},
            {"S-1-5-32-546", BUILTIN, "Guests", SidType.ALIAS},
            {"S-1-5-32-547", BUILTIN, "Power Users", SidType.ALIAS},
            {"S-1-5-32-548", BUILTIN, "Account Operators", SidType.ALIAS},
            {"S-1-5-32-549", BUILTIN, "Server Operators", SidType.ALIAS},
            {"S-1-5-32-550", BUILTIN, "Print Operators", SidType.ALIAS},
            {"S-1-5-32-551", BUILTIN, "Backup Operators", SidType.ALIAS},
            {"S-1-5-32-552", BUILTIN, "Replicator", SidType.ALIAS},
            {"S-1-5-32-554", BUILTIN, "Pre-Windows 2000 Compatible Access", SidType.ALIAS},
            {"S-1-5-32-555", BUILTIN, "Remote Desktop Users", SidType.ALIAS},
            {"S-1-5-32-556", BUILTIN, "Network Configuration Operators", SidType.ALIAS},
            {"S-1-5-32-557", BUILTIN, "Incoming Forest Trust Builders", SidType.ALIAS},
            {"S-1-5-32-558", BUILTIN, "Performance Monitor Users", SidType.ALIAS},
            {"S-1-5-32-559", BUILTIN, "Performance Log Users", SidType.ALIAS},
            {"S-1-5-32-560", BUILTIN, "Windows Authorization Access Group", SidType.ALIAS},
            {"S-1-5-32-561", BUILTIN, "Terminal Server License Servers", SidType.ALIAS},
            {"S-1-5-32-562", BUILTIN, "Distributed COM Users", SidType.ALIAS},
            {"S-1-5-32-568", BUILTIN, "IIS_IUSRS", SidType.ALIAS},
            {"S-1-5-32-569", BUILTIN, "Cryptographic Operators", SidType.ALIAS},
            {"S-1-5-32-573", BUILTIN, "Event Log Readers", SidType.ALIAS},
            {"S-1-5-32-574", BUILTIN, "Certificate Service DCOM Access", SidType.ALIAS},
        };
        return java.util.Arrays.stream(rows)
                .map(r -> new Principal(Sid.parse((String) r[0]), (String) r[1], (String) r[2], (SidType) r[3]))
                .toList();
    }

    private static Map<Sid, Principal> bySid() {
        Map<Sid, Principal> m = new LinkedHashMap<>();
        TABLE.forEach(p -> m.put(p.sid(), p));
        return Map.copyOf(m);
    }

    /** Every entry of the table, well-known groups first, then the BUILTIN aliases. */
    public static List<Principal> all() {
        return TABLE;
    }

    /** The well-known principal {@code sid} names, or empty when it is none of the table's. */
    public static Optional<Principal> bySid(Sid sid) {
        return Optional.ofNullable(BY_SID.get(sid));
    }

    /**
     * True when {@code sid} is answered from this table and never from the directory: the world,
     * local, creator and NT authorities' SIDs outside the account domains (S-1-5-21-...) and the
     * BUILTIN domain.
     */
    public static boolean isWellKnown(Sid sid) {
        return BY_SID.containsKey(sid);
    }

    /**
     * The principal {@code name} stands for: "DOMAIN\name" with DOMAIN one of "", "NT AUTHORITY"
     * and "BUILTIN", or a bare name (well-known groups first, then BUILTIN aliases). A domain name
     * alone ("BUILTIN", "NT AUTHORITY") names the domain itself.
     */
    public static Optional<Principal> byName(String name) {
        int slash = name.indexOf('\\');
        if (slash >= 0) {
            return byName(name.substring(0, slash), name.substring(slash + 1));
        }
        String n = name.strip();
        for (Principal p : TABLE) {
            boolean match = p.type() == SidType.DOMAIN ? p.domain().equalsIgnoreCase(n) : p.name().equalsIgnoreCase(n);
            if (match && !n.isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The principal {@code name} in {@code domain} ("" for Everyone and the creator SIDs). */
    public static Optional<Principal> byName(String domain, String name) {
        String d = domain.strip().toUpperCase(Locale.ROOT);
        String n = name.strip();
        return TABLE.stream()
                .filter(p -> p.domain().equalsIgnoreCase(d) && p.name().equalsIgnoreCase(n))
                .filter(p -> !n.isEmpty() || p.type() == SidType.DOMAIN)
                .findFirst();
    }
}
