package org.bossa.domain.locator;

import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DNS through the JDK's JNDI DNS provider, one server at a time in the given order, each query
 * with one UDP try bounded by the per-server timeout (and the deadline); the next server is asked
 * only when one does not answer or answers with an error. "No such name" and "no record" are
 * answers and end the search.
 *
 * <p>Without configured servers the system's (/etc/resolv.conf) are queried the same way for SRV
 * records, and host addresses come from the system resolver ({@link InetAddress}, which also reads
 * /etc/hosts), bounded by the same timeout.
 */
final class JndiDnsResolver implements DnsResolver {
    private static final String FACTORY = "com.sun.jndi.dns.DnsContextFactory";

    private final List<DnsServerAddress> servers;
    private final boolean system;
    private final Duration perServer;

    /** @param configured the DNS servers to ask; empty for the system's */
    JndiDnsResolver(List<DnsServerAddress> configured, Duration perServer) {
        this.system = configured.isEmpty();
        this.servers = system ? ResolvConf.nameservers(ResolvConf.PATH) : List.copyOf(configured);
        this.perServer = perServer;
    }

    /** One server's reply: the record values, or that the name does not exist. */
    private record Reply(DnsServerAddress server, List<String> values, boolean nameExists) {
    }

    @Override
    public List<SrvRecord> srv(String name, Deadline deadline) throws LocatorException {
        Reply reply = query(name, "SRV", deadline);
        List<SrvRecord> records = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String v : reply.values) {
            try {
                records.add(SrvRecord.parse(v));
            } catch (IllegalArgumentException e) {
                bad.add(v);
            }
        }
        if (records.isEmpty()) {
            throw new LocatorException(LocatorException.Cause.DNS_NO_RECORD, "no DNS SRV record " + name
                    + " (DNS server " + reply.server + (reply.nameExists ? "" : ": name does not exist")
                    + (bad.isEmpty() ? "" : ": unreadable " + bad) + ")");
        }
        return records;
    }

    @Override
    public List<InetAddress> addresses(String host, Deadline deadline) throws LocatorException {
        try {
            return List.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notLiteral) {
            // a name: look it up
        }
        return system ? systemAddresses(host, deadline) : serverAddresses(host, deadline);
    }

    private List<InetAddress> serverAddresses(String host, Deadline deadline) throws LocatorException {
        List<InetAddress> out = new ArrayList<>();
        Reply last = null;
        for (String type : new String[] {"A", "AAAA"}) {
            Reply reply;
            try {
                reply = query(host, type, deadline);
            } catch (LocatorException e) {
                if (out.isEmpty()) {
                    throw e;
                }
                break; // IPv4 addresses in hand: an AAAA failure does not matter
            }
            last = reply;
            for (String v : reply.values) {
                try {
                    out.add(InetAddress.getByAddress(host, InetAddress.ofLiteral(v).getAddress()));
                } catch (IllegalArgumentException | UnknownHostException e) {
                    // not an address literal: ignore this value
                }
            }
            if (!reply.nameExists) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new LocatorException(LocatorException.Cause.HOST_NOT_FOUND, host + " has no address (DNS server "
                    + last.server + (last.nameExists ? ": no A or AAAA record" : ": name does not exist") + ")");
        }
        return out;
    }

    private List<InetAddress> systemAddresses(String host, Deadline deadline) throws LocatorException {
        if (deadline.spent()) {
            throw new LocatorException(LocatorException.Cause.DNS_TIMEOUT, host + " not resolved: time budget of "
                    + Durations.text(deadline.budget()) + " spent");
        }
        Duration timeout = deadline.cap(perServer);
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread.ofVirtual().name("dns-" + host).start(lookup);
        try {
            InetAddress[] found = lookup.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            List<InetAddress> out = new ArrayList<>(Arrays.asList(found));
            out.sort(Comparator.comparingInt(a -> a.getAddress().length));
            return out;
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new LocatorException(LocatorException.Cause.DNS_TIMEOUT, "the system resolver did not resolve "
                    + host + " within " + Durations.text(timeout));
        } catch (ExecutionException e) {
            throw new LocatorException(LocatorException.Cause.HOST_NOT_FOUND, host
                    + " has no address (system resolver)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw new LocatorException(LocatorException.Cause.INTERRUPTED, "interrupted while resolving " + host);
        }
    }

    private Reply query(String name, String type, Deadline deadline) throws LocatorException {
        List<String> failures = new ArrayList<>();
        boolean onlyTimeouts = true;
        for (DnsServerAddress server : servers) {
            if (deadline.spent()) {
                failures.add("DNS server " + server + " not asked: time budget of "
                        + Durations.text(deadline.budget()) + " spent");
                break;
            }
            Duration timeout = deadline.cap(perServer);
            try {
                return new Reply(server, lookup(server, name, type, timeout), true);
            } catch (NameNotFoundException e) {
                return new Reply(server, List.of(), false);
            } catch (NamingException e) {
                Throwable root = e.getRootCause();
                if (root instanceof SocketTimeoutException) {
                    failures.add("DNS server " + server + " did not answer within " + Durations.text(timeout));
                    continue;
                }
                onlyTimeouts = false;
                if (root instanceof PortUnreachableException) {
                    failures.add("DNS server " + server + ": port " + server.port() + "/udp unreachable");
                } else if (e instanceof ServiceUnavailableException) {
                    failures.add("DNS server " + server + ": server failure");
                } else if (e instanceof CommunicationException && root != null) {
                    failures.add("DNS server " + server + ": " + root.getClass().getSimpleName()
                            + (root.getMessage() == null ? "" : " " + root.getMessage()));
                } else {
                    failures.add("DNS server " + server + ": " + e.getExplanation());
                }
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new LocatorException(LocatorException.Cause.INTERRUPTED, "interrupted during DNS query "
                    + type + " " + name);
        }
        throw new LocatorException(onlyTimeouts ? LocatorException.Cause.DNS_TIMEOUT
                : LocatorException.Cause.DNS_FAILURE, String.join("; ", failures) + " (" + type + " " + name + ")");
    }

    private static List<String> lookup(DnsServerAddress server, String name, String type, Duration timeout)
            throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, FACTORY);
        env.put(Context.PROVIDER_URL, server.jndiUrl());
        // One UDP try per server: the provider's timeout doubles on each retry, which would
        // break the per-server bound; the next server is our retry.
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext ctx = new InitialDirContext(env);
        try {
            Attributes attrs = ctx.getAttributes(name + ".", new String[] {type});
            Attribute attr = attrs.get(type);
            List<String> values = new ArrayList<>();
            if (attr != null) {
                NamingEnumeration<?> all = attr.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return values;
        } finally {
            ctx.close();
        }
    }
}
