package org.bossa.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bossa.domain.AccountDirectory;
import org.bossa.domain.AccountListing;
import org.bossa.domain.DirectoryAccount;
import org.bossa.domain.DirectoryLookupException;
import org.bossa.dtyp.Sid;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain's directory with a memory: answers are kept {@link Settings#ttl()} (winbindd's
 * default cache time, 5 minutes), "no such account" answers {@link Settings#negativeTtl()}, at
 * most {@link Settings#maxEntries()} of them (least recently used go first).
 *
 * <p>When no DC answers (unreachable, bind refused) the cache goes offline and keeps answering
 * from what it knows, expired entries included, as winbindd's offline logon does; a lookup with
 * nothing cached then throws {@link IdentityUnavailableException}. While offline the DC is asked
 * again at most every {@link Settings#offlineRetry()} (so a dead DC does not make every lookup wait
 * out a connect timeout); the first lookup after that goes to it again and, if answered, the cache
 * is online once more. A DC that answers with an error is still online: that answer is not cached
 * and stale entries are served for it.
 *
 * <p>Thread-safe. Concurrent misses for the same key each ask the source (the machine account's
 * directory serialises them over its one connection).
 */
public final class CachingDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CachingDirectory.class);

    /**
     * @param ttl how long an answer is fresh
     * @param negativeTtl how long a "no such account" answer is fresh
     * @param offlineRetry while offline, how long lookups are answered from cache without asking a DC
     * @param maxEntries how many answers are kept
     */
    public record Settings(Duration ttl, Duration negativeTtl, Duration offlineRetry, int maxEntries) {
        public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
        public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(1);
        public static final Duration DEFAULT_OFFLINE_RETRY = Duration.ofSeconds(10);
        public static final int DEFAULT_MAX_ENTRIES = 10_000;

        public Settings {
            requireNotNegative(ttl, "ttl");
            requireNotNegative(negativeTtl, "negativeTtl");
            requireNotNegative(offlineRetry, "offlineRetry");
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_TTL, DEFAULT_NEGATIVE_TTL, DEFAULT_OFFLINE_RETRY, DEFAULT_MAX_ENTRIES);
        }

        public Settings withTtl(Duration newTtl, Duration newNegativeTtl) {
            return new Settings(newTtl, newNegativeTtl, offlineRetry, maxEntries);
        }

        public Settings withOfflineRetry(Duration newOfflineRetry) {
            return new Settings(ttl, negativeTtl, newOfflineRetry, maxEntries);
        }

        public Settings withMaxEntries(int newMaxEntries) {
            return new Settings(ttl, negativeTtl, offlineRetry, newMaxEntries);
        }

        private static void requireNotNegative(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
        }
    }

    private enum Question { NAME, SID, UID, GID, TOKEN_GROUPS, MEMBERS, USERS, GROUPS }

    private record Key(Question question, String argument) {
    }

    private record Cached(Object value, boolean negative, Instant fetched) {
    }

    @FunctionalInterface
    private interface Ask<T> {
        T ask() throws DirectoryLookupException;
    }

    private final AccountDirectory source;
    private final Clock clock;
    private final Settings settings;
    private final Object lock = new Object();
    private final LinkedHashMap<Key, Cached> cache;
    // health, guarded by lock
    private DirectoryHealth.State state = DirectoryHealth.State.UNKNOWN;
    private String dc = "";
    private String lastError = "";
    private Instant lastSuccess;
    private Instant lastFailure;
    private Instant retryAfter = Instant.MIN;

    public CachingDirectory(AccountDirectory source, Clock clock, Settings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        int max = settings.maxEntries();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > max;
            }
        };
    }

    public CachingDirectory(AccountDirectory source) {
        this(source, Clock.systemUTC(), Settings.defaults());
    }

    /** {@link AccountDirectory#byName}: the account named {@code name} (sAMAccountName or UPN, any case). */
    public Optional<DirectoryAccount> byName(String name) throws IdentityUnavailableException {
        Optional<DirectoryAccount> a = lookup(new Key(Question.NAME, name.toLowerCase(Locale.ROOT)),
                () -> source.byName(name), "name " + LogSafe.quote(name));
        a.ifPresent(this::remember);
        return a;
    }

    public Optional<DirectoryAccount> bySid(Sid sid) throws IdentityUnavailableException {
        Optional<DirectoryAccount> a = lookup(new Key(Question.SID, sid.toString()), () -> source.bySid(sid),
                "SID " + sid);
        a.ifPresent(this::remember);
        return a;
    }

    public Optional<DirectoryAccount> byUidNumber(long uid) throws IdentityUnavailableException {
        return lookup(new Key(Question.UID, Long.toString(uid)), () -> source.byUidNumber(uid), "uidNumber " + uid);
    }

    public Optional<DirectoryAccount> byGidNumber(long gid) throws IdentityUnavailableException {
        return lookup(new Key(Question.GID, Long.toString(gid)), () -> source.byGidNumber(gid), "gidNumber " + gid);
    }

    public Optional<List<Sid>> tokenGroups(Sid user) throws IdentityUnavailableException {
        return lookup(new Key(Question.TOKEN_GROUPS, user.toString()), () -> source.tokenGroups(user),
                "the groups of " + user);
    }

    public Optional<AccountListing> members(Sid group, int cap) throws IdentityUnavailableException {
        return lookup(new Key(Question.MEMBERS, group + "/" + cap), () -> source.members(group, cap),
                "the members of " + group);
    }

    public AccountListing users(int cap) throws IdentityUnavailableException {
        return lookup(new Key(Question.USERS, Integer.toString(cap)), () -> source.users(cap), "the users");
    }

    public AccountListing groups(int cap) throws IdentityUnavailableException {
        return lookup(new Key(Question.GROUPS, Integer.toString(cap)), () -> source.groups(cap), "the groups");
    }

    /** Whether the DC answers, which one last did, and the last failure. */
    public DirectoryHealth health() {
        synchronized (lock) {
            return new DirectoryHealth(state, dc, lastError, Optional.ofNullable(lastSuccess),
                    Optional.ofNullable(lastFailure));
        }
    }

    /** Forgets every answer (after a leave or re-join); the health stays. */
    public void clear() {
        synchronized (lock) {
            cache.clear();
        }
    }

    /** How many answers are kept now. */
    public int size() {
        synchronized (lock) {
            return cache.size();
        }
    }

    /** An account found by name is also the answer for its SID, and the other way round. */
    private void remember(DirectoryAccount a) {
        Cached c = new Cached(Optional.of(a), false, clock.instant());
        synchronized (lock) {
            cache.putIfAbsent(new Key(Question.SID, a.sid().toString()), c);
            if (!a.samAccountName().isEmpty()) {
                cache.putIfAbsent(new Key(Question.NAME, a.samAccountName().toLowerCase(Locale.ROOT)), c);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T lookup(Key key, Ask<T> ask, String what) throws IdentityUnavailableException {
        Instant now = clock.instant();
        Cached cached;
        boolean waitingToRetry;
        synchronized (lock) {
            cached = cache.get(key);
            if (cached != null && now.isBefore(cached.fetched().plus(cached.negative()
                    ? settings.negativeTtl() : settings.ttl()))) {
                return (T) cached.value();
            }
            waitingToRetry = state == DirectoryHealth.State.OFFLINE && now.isBefore(retryAfter);
        }
        if (waitingToRetry) {
            return stale(cached, what);
        }
        T answer;
        try {
            answer = ask.ask();
        } catch (DirectoryLookupException e) {
            failed(e, now);
            return stale(cached, what);
        } catch (RuntimeException e) {
            // a source that broke its contract: an unanswered lookup, never "no such account"
            failed(new DirectoryLookupException(DirectoryLookupException.Reason.DIRECTORY_ERROR, e.toString(), e), now);
            return stale(cached, what);
        }
        String answeredBy = source.lastDc();
        synchronized (lock) {
            if (state != DirectoryHealth.State.ONLINE) {
                LOG.info("directory online again: {} answers", answeredBy);
            }
            state = DirectoryHealth.State.ONLINE;
            dc = answeredBy;
            lastSuccess = now;
            cache.put(key, new Cached(answer, isNegative(answer), now));
        }
        return answer;
    }

    private static boolean isNegative(Object answer) {
        return answer instanceof Optional<?> o && o.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <T> T stale(Cached cached, String what) throws IdentityUnavailableException {
        if (cached != null) {
            return (T) cached.value();
        }
        String error;
        synchronized (lock) {
            error = lastError;
        }
        throw new IdentityUnavailableException("cannot look up " + what + ": " + error);
    }

    private void failed(DirectoryLookupException e, Instant now) {
        String line = e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                + e.getMessage().replace('\n', ' ');
        synchronized (lock) {
            lastError = line;
            lastFailure = now;
            if (e.offline()) {
                if (state != DirectoryHealth.State.OFFLINE) {
                    LOG.warn("directory offline, answering from cache: {}", line);
                }
                state = DirectoryHealth.State.OFFLINE;
                retryAfter = now.plus(settings.offlineRetry());
            } else {
                LOG.warn("directory lookup failed: {}", line);
            }
        }
    }
}
