package org.bossa.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bossa.domain.GroupLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers lookups for a while and bounds how long a caller waits for one.
 *
 * <p>A group found is kept {@link #FOUND_TTL} (winbindd's default cache time is 5 minutes; a group's
 * SID never changes, only its existence), a name the source says does not exist
 * {@link #NOT_FOUND_TTL}, and an unanswered lookup {@link #FAILED_TTL}, so a DC that is down is not
 * asked again by every TREE_CONNECT while each waits out the timeout. Concurrent callers asking for
 * the same name share one lookup. A caller waits at most {@code timeout}, then gets a
 * {@link GroupLookup.Failed}; the lookup goes on and its answer is cached when it comes.
 *
 * <p>The names come from the configuration (the shares' {@code valid-users}), never from a client,
 * so the cache is bounded by the configuration and needs no eviction beyond expiry.
 */
public final class CachingNameResolver implements NameResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CachingNameResolver.class);
    public static final Duration FOUND_TTL = Duration.ofMinutes(10);
    public static final Duration NOT_FOUND_TTL = Duration.ofMinutes(1);
    public static final Duration FAILED_TTL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private record Key(String domain, String name) {
    }

    private record Cached(GroupLookup result, Instant expires) {
    }

    private final NameResolver source;
    private final Clock clock;
    private final Duration timeout;
    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, CompletableFuture<GroupLookup>> inFlight = new ConcurrentHashMap<>();

    public CachingNameResolver(NameResolver source, Clock clock, Duration timeout) {
        this.source = Objects.requireNonNull(source);
        this.clock = Objects.requireNonNull(clock);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
    }

    public CachingNameResolver(NameResolver source) {
        this(source, Clock.systemUTC(), DEFAULT_TIMEOUT);
    }

    @Override
    public GroupLookup lookupGroup(String domain, String name) {
        // AD and NetBIOS domain names are case-insensitive; POSIX group names are not, so the name is kept as given
        Key key = new Key(domain.toUpperCase(Locale.ROOT), name);
        Cached c = cache.get(key);
        if (c != null && clock.instant().isBefore(c.expires())) {
            return c.result();
        }
        CompletableFuture<GroupLookup> mine = new CompletableFuture<>();
        CompletableFuture<GroupLookup> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            running = mine;
            Thread.ofVirtual().name("lookup-" + key.domain() + "\\" + name).start(() -> resolve(key, mine));
        }
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new GroupLookup.Failed("no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GroupLookup.Failed("interrupted");
        } catch (ExecutionException e) {
            return new GroupLookup.Failed(String.valueOf(e.getCause()));
        }
    }

    private void resolve(Key key, CompletableFuture<GroupLookup> mine) {
        GroupLookup r;
        long start = System.nanoTime();
        try {
            r = source.lookupGroup(key.domain(), key.name());
        } catch (RuntimeException | Error e) {
            r = new GroupLookup.Failed(e.toString());
        }
        LOG.debug("group {}: {} in {} ms", key.domain() + "\\" + key.name(), r, (System.nanoTime() - start) / 1_000_000);
        Duration ttl = switch (r) {
            case GroupLookup.Found f -> FOUND_TTL;
            case GroupLookup.NotFound n -> NOT_FOUND_TTL;
            case GroupLookup.Failed f -> FAILED_TTL;
        };
        Cached previous = cache.put(key, new Cached(r, clock.instant().plus(ttl)));
        if (r instanceof GroupLookup.NotFound && (previous == null || !(previous.result() instanceof GroupLookup.NotFound))) {
            // once per change of answer, not per TREE_CONNECT: the entry is skipped each time
            LOG.warn("group {} does not exist; valid-users entries naming it are skipped", key.domain() + "\\" + key.name());
        }
        // cache first, then leave the in-flight map: a concurrent caller sees one or the other
        inFlight.remove(key, mine);
        mine.complete(r);
    }
}
