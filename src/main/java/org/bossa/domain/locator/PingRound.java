package org.bossa.domain.locator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Resolves and pings a list of DC candidates in parallel, one virtual thread each, until an answer
 * the caller accepts arrives, every candidate is done, or the deadline passes; threads still
 * running then are interrupted. Each candidate's addresses are pinged in turn until one answers.
 */
final class PingRound {
    /** A DC host to try, and how it was found. */
    record Candidate(String host, Discovery foundBy) {
    }

    /** An answer from one candidate's address. */
    record Reached(Candidate candidate, InetAddress address, NetlogonSamLogonResponseEx response) {
    }

    /**
     * What the round saw.
     *
     * @param reached    answers in arrival order
     * @param failures   one line per address that failed, e.g. "dc1.example.test (127.0.0.2): timeout after 2 s"
     * @param unresolved true when no candidate's name resolved to an address
     */
    record Outcome(List<Reached> reached, List<String> failures, boolean unresolved) {
    }

    private record Result(Reached reached, List<String> failures, boolean resolved) {
    }

    private final DnsResolver dns;
    private final NetlogonPinger pinger;
    private final Duration pingTimeout;

    PingRound(DnsResolver dns, NetlogonPinger pinger, Duration pingTimeout) {
        this.dns = dns;
        this.pinger = pinger;
        this.pingTimeout = pingTimeout;
    }

    Outcome run(List<Candidate> candidates, String domain, Deadline deadline, Predicate<Reached> enough)
            throws LocatorException {
        List<Reached> reached = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean anyResolved = false;
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<Result> done = new ExecutorCompletionService<>(executor);
            Map<Future<Result>, Candidate> pending = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                pending.put(done.submit(() -> tryCandidate(c, domain, deadline)), c);
            }
            while (!pending.isEmpty()) {
                // Tasks stop by the deadline themselves; the margin lets their last result in.
                Future<Result> f = done.poll(deadline.remaining().toNanos() + 50_000_000L, TimeUnit.NANOSECONDS);
                if (f == null) {
                    break;
                }
                pending.remove(f);
                Result r = result(f);
                anyResolved |= r.resolved;
                failures.addAll(r.failures);
                if (r.reached != null) {
                    reached.add(r.reached);
                    if (enough.test(r.reached)) {
                        break;
                    }
                }
            }
            if (!pending.isEmpty()) {
                anyResolved = true; // not known for those still running: do not call it a name problem
            }
            if (reached.isEmpty() || !enough.test(reached.getLast())) {
                for (Candidate c : pending.values()) {
                    failures.add(c.host() + ": no answer within the time budget of "
                            + Durations.text(deadline.budget()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocatorException(LocatorException.Cause.INTERRUPTED, "interrupted while pinging DCs of "
                    + domain);
        } finally {
            executor.shutdownNow();
        }
        return new Outcome(reached, failures, !anyResolved && reached.isEmpty());
    }

    private static Result result(Future<Result> f) {
        try {
            return f.get();
        } catch (ExecutionException | InterruptedException e) {
            // tryCandidate catches what it expects; anything else is a bug worth surfacing
            throw new IllegalStateException("DC ping task failed", e.getCause() != null ? e.getCause() : e);
        }
    }

    private Result tryCandidate(Candidate c, String domain, Deadline deadline) {
        List<InetAddress> addresses;
        try {
            addresses = dns.addresses(c.host(), deadline);
        } catch (LocatorException e) {
            return new Result(null, List.of(e.getMessage()), false); // the message names the host
        }
        List<String> failures = new ArrayList<>();
        for (InetAddress a : addresses) {
            if (deadline.spent()) {
                failures.add(label(c, a) + ": not pinged, time budget of " + Durations.text(deadline.budget())
                        + " spent");
                break;
            }
            PingResult r = pinger.ping(a, domain, deadline.cap(pingTimeout));
            switch (r) {
                case PingResult.Answered ok -> {
                    return new Result(new Reached(c, a, ok.response()), failures, true);
                }
                case PingResult.Failed f -> failures.add(label(c, a) + ": " + f.reason());
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return new Result(null, failures, true);
    }

    /** "dc1.example.test (127.0.0.2)", or just the address when the candidate was one. */
    static String label(Candidate c, InetAddress a) {
        String ip = a.getHostAddress();
        return c.host().equalsIgnoreCase(ip) ? ip : c.host() + " (" + ip + ")";
    }
}
