package org.bossa.domain.locator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.bossa.domain.locator.PingRound.Candidate;
import org.bossa.domain.locator.PingRound.Reached;

/**
 * Finds a domain controller the way Windows and Samba do (MS-ADTS 6.3.6): the DC list from the
 * configuration, else the domain's SRV records {@code _ldap._tcp.dc._msdcs.<domain>} in RFC 2782
 * order; an LDAP ping to each in parallel; the first answer that serves the domain and meets the
 * requirements wins, a CLOSEST one (same site as this host) before others that arrived with it.
 * When the winner is not in this host's site, the site's own SRV records
 * {@code _ldap._tcp.<site>._sites.dc._msdcs.<domain>} are pinged too and a CLOSEST answer from
 * them is preferred. Everything happens within the configured time budget; each failure is a
 * {@link LocatorException} naming what failed.
 */
public final class DcLocator {
    /** Kerberos over TCP and UDP (RFC 4120 7.2.3.1): where a DC found by ping serves tickets. */
    public static final int KERBEROS_PORT = 88;
    /** Enough for any real domain; bounds the threads and datagrams of one round. */
    static final int MAX_CANDIDATES = 32;

    private final LocatorConfig config;
    private final DnsResolver dns;
    private final PingRound round;
    private final RandomGenerator random;

    public DcLocator(LocatorConfig config) {
        this(config, new JndiDnsResolver(config.dnsServers(), config.dnsTimeout()), new CldapPinger(),
                new SecureRandom());
    }

    DcLocator(LocatorConfig config, DnsResolver dns, NetlogonPinger pinger, RandomGenerator random) {
        this.config = config;
        this.dns = dns;
        this.round = new PingRound(dns, pinger, config.pingTimeout());
        this.random = random;
    }

    /**
     * A DC of {@code dnsDomain} (a realm is accepted: case does not matter) meeting the requirements.
     */
    public DomainController locate(String dnsDomain, Set<Requirement> requirements) throws LocatorException {
        return locate(domain(dnsDomain), requirements, Deadline.after(config.budget()));
    }

    private DomainController locate(String domain, Set<Requirement> requirements, Deadline deadline)
            throws LocatorException {
        boolean configured = !config.controllers().isEmpty();
        List<Candidate> candidates = configured ? configuredCandidates()
                : srvCandidates(DnsNames.ldapDcSrv(domain), Discovery.DNS_SRV, Set.of(), deadline);
        PingRound.Outcome first = round.run(candidates, domain, deadline, r -> problem(r, domain, requirements) == null);
        Optional<Reached> pick = best(first.reached(), domain, requirements);
        if (pick.isPresent() && !closest(pick.get()) && !configured) {
            Optional<Reached> inSite = siteRound(pick.get(), first.reached(), domain, requirements, deadline);
            if (inSite.isPresent()) {
                pick = inSite;
            }
        }
        if (pick.isPresent()) {
            Reached r = pick.get();
            return DomainController.of(r.candidate().host(), r.address(), r.response(), r.candidate().foundBy());
        }
        throw failure(first, domain, requirements);
    }

    /**
     * Where to send Kerberos requests for {@code realm}: the configured DCs on port 88, else the
     * targets of {@code _kerberos._tcp.<realm>} in RFC 2782 order, else (no such records) the DC
     * the locator finds with {@link Requirement#KDC}. Each address carries its host name.
     */
    public List<InetSocketAddress> kdcs(String realm) throws LocatorException {
        String domain = domain(realm);
        Deadline deadline = Deadline.after(config.budget());
        if (!config.controllers().isEmpty()) {
            return resolveAll(config.controllers().stream().map(h -> new SrvRecord(0, 0, KERBEROS_PORT, h)).toList(),
                    deadline);
        }
        List<SrvRecord> records;
        try {
            records = SrvOrder.order(dns.srv(DnsNames.kerberosTcpSrv(domain), deadline), random);
        } catch (LocatorException e) {
            if (e.cause() != LocatorException.Cause.DNS_NO_RECORD) {
                throw e;
            }
            try {
                DomainController dc = locate(domain, EnumSet.of(Requirement.KDC), deadline);
                return List.of(new InetSocketAddress(named(dc.hostName(), dc.address()), KERBEROS_PORT));
            } catch (LocatorException viaPing) {
                throw new LocatorException(viaPing.cause(), e.getMessage() + "; " + viaPing.getMessage());
            }
        }
        return resolveAll(records, deadline);
    }

    private List<InetSocketAddress> resolveAll(List<SrvRecord> records, Deadline deadline) throws LocatorException {
        List<InetSocketAddress> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SrvRecord r : records) {
            try {
                for (InetAddress a : dns.addresses(r.target(), deadline)) {
                    out.add(new InetSocketAddress(named(r.target(), a), r.port()));
                }
            } catch (LocatorException e) {
                failures.add(e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new LocatorException(LocatorException.Cause.HOST_NOT_FOUND, "no KDC address: "
                    + String.join("; ", failures));
        }
        return out;
    }

    private static InetAddress named(String host, InetAddress a) {
        try {
            return InetAddress.getByAddress(host, a.getAddress());
        } catch (UnknownHostException e) {
            throw new AssertionError("an InetAddress's own bytes are a valid length", e);
        }
    }

    private static String domain(String name) throws LocatorException {
        String d = name == null ? "" : DnsNames.normalize(name);
        if (!DnsNames.valid(d)) {
            throw new LocatorException(LocatorException.Cause.INVALID_ARGUMENT, "'" + name
                    + "' is not a DNS domain name");
        }
        return d;
    }

    private List<Candidate> configuredCandidates() {
        return config.controllers().stream().map(h -> new Candidate(h, Discovery.CONFIGURED)).toList();
    }

    private List<Candidate> srvCandidates(String name, Discovery how, Set<String> skip, Deadline deadline)
            throws LocatorException {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(skip);
        for (SrvRecord r : SrvOrder.order(dns.srv(name, deadline), random)) {
            if (seen.add(r.target().toLowerCase(Locale.ROOT)) && out.size() < MAX_CANDIDATES) {
                out.add(new Candidate(r.target(), how));
            }
        }
        if (out.isEmpty() && skip.isEmpty()) {
            throw new LocatorException(LocatorException.Cause.DNS_NO_RECORD, "no DNS SRV record " + name
                    + " names a host (all targets are \".\")");
        }
        return out;
    }

    /**
     * Pings the DCs of the client's site that have not answered yet (the first round stops at its
     * first suitable answer, so some may not have had the time); empty when none answers CLOSEST
     * in time.
     */
    private Optional<Reached> siteRound(Reached first, List<Reached> answered, String domain,
                                        Set<Requirement> requirements, Deadline deadline) throws LocatorException {
        String site = first.response().clientSiteName();
        if (site.isEmpty() || !DnsNames.valid(site) || site.contains(".") || deadline.expired()) {
            return Optional.empty();
        }
        Set<String> skip = new HashSet<>();
        answered.forEach(r -> skip.add(r.candidate().host().toLowerCase(Locale.ROOT)));
        List<Candidate> inSite;
        try {
            inSite = srvCandidates(DnsNames.ldapSiteDcSrv(site, domain), Discovery.DNS_SITE_SRV, skip, deadline);
        } catch (LocatorException e) {
            if (e.cause() == LocatorException.Cause.INTERRUPTED) {
                throw e;
            }
            return Optional.empty(); // the site has no records of its own: keep the first answer
        }
        if (inSite.isEmpty()) {
            return Optional.empty();
        }
        PingRound.Outcome second = round.run(inSite, domain, deadline,
                r -> closest(r) && problem(r, domain, requirements) == null);
        return best(second.reached(), domain, requirements).filter(DcLocator::closest);
    }

    private static boolean closest(Reached r) {
        return r.response().dsFlags().contains(DsFlag.CLOSEST);
    }

    /** The suitable answer to take: CLOSEST first, then arrival order. */
    private static Optional<Reached> best(List<Reached> reached, String domain, Set<Requirement> requirements) {
        return reached.stream()
                .filter(r -> problem(r, domain, requirements) == null)
                .min(Comparator.comparing((Reached r) -> !closest(r)));
    }

    /** Why this answer will not do, as "dc1.example.test is not writable"; null when it will. */
    static String problem(Reached r, String domain, Set<Requirement> requirements) {
        NetlogonSamLogonResponseEx resp = r.response();
        String who = resp.dnsHostName().isEmpty() ? PingRound.label(r.candidate(), r.address()) : resp.dnsHostName();
        if (resp.opcode() == NetlogonOpcode.LOGON_SAM_PAUSE_RESPONSE_EX) {
            return who + ": its Netlogon service is paused";
        }
        if (!resp.dnsDomainName().equalsIgnoreCase(domain)) {
            return who + " serves domain " + resp.dnsDomainName() + ", not " + domain;
        }
        EnumSet<DsFlag> flags = resp.dsFlags();
        for (Requirement q : requirements) {
            if (!flags.contains(q.flag())) {
                return who + " " + q.failure();
            }
        }
        return null;
    }

    private static LocatorException failure(PingRound.Outcome outcome, String domain, Set<Requirement> requirements) {
        if (!outcome.reached().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            outcome.reached().forEach(r -> reasons.add(problem(r, domain, requirements)));
            reasons.addAll(outcome.failures());
            String message = reasons.size() == 1 ? reasons.getFirst()
                    : "no suitable domain controller for " + domain + ": " + String.join("; ", reasons);
            return new LocatorException(LocatorException.Cause.UNSUITABLE, message);
        }
        if (outcome.unresolved()) {
            return new LocatorException(LocatorException.Cause.HOST_NOT_FOUND, "no domain controller of " + domain
                    + " has an address: " + String.join("; ", outcome.failures()));
        }
        return new LocatorException(LocatorException.Cause.NO_ANSWER, "no domain controller answered the CLDAP ping: "
                + String.join("; ", outcome.failures()));
    }
}
