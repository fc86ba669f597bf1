package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bossa.domain.AccountDirectory;
import org.bossa.domain.AccountKind;
import org.bossa.domain.AccountListing;
import org.bossa.domain.DirectoryAccount;
import org.bossa.domain.DirectoryLookupException;
import org.bossa.domain.DirectoryLookupException.Reason;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class CachingDirectoryTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
    private static final DirectoryAccount ALICE = DirectoryAccount.of(DOMAIN.withRid(1103), "alice", AccountKind.USER,
            Optional.of(DOMAIN.withRid(513)));
    private static final DirectoryAccount BOB = DirectoryAccount.of(DOMAIN.withRid(1104), "bob", AccountKind.USER,
            Optional.of(DOMAIN.withRid(513)));

    private final MutableClock clock = new MutableClock();
    private final FakeDirectory source = new FakeDirectory();
    private final CachingDirectory cache = new CachingDirectory(source, clock,
            CachingDirectory.Settings.defaults().withTtl(Duration.ofMinutes(5), Duration.ofSeconds(30))
                    .withOfflineRetry(Duration.ofSeconds(10)));

    @Test
    void anAnswerIsKeptForTheTtlThenAskedAgain() throws Exception {
        source.accounts.put("alice", ALICE);
        assertThat(cache.byName("Alice")).contains(ALICE);
        assertThat(cache.byName("ALICE")).contains(ALICE);
        assertThat(source.calls).containsExactly("name Alice");
        // found by name: the SID is known too
        assertThat(cache.bySid(ALICE.sid())).contains(ALICE);
        assertThat(source.calls).hasSize(1);

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        cache.byName("alice");
        assertThat(source.calls).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        source.accounts.remove("alice");
        assertThat(cache.byName("alice")).as("expired: the DC says alice is gone").isEmpty();
        assertThat(source.calls).hasSize(2);
        assertThat(cache.health().state()).isEqualTo(DirectoryHealth.State.ONLINE);
        assertThat(cache.health().dc()).isEqualTo("dc1.example.test");
    }

    @Test
    void noSuchAccountIsKeptForTheShorterNegativeTtl() throws Exception {
        assertThat(cache.byName("nobody")).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.byName("nobody")).isEmpty();
        assertThat(source.calls).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        source.accounts.put("nobody", BOB);
        assertThat(cache.byName("nobody")).contains(BOB);
        assertThat(source.calls).hasSize(2);
    }

    @Test
    void offlineServesStaleAnswersAndSaysSo() throws Exception {
        source.accounts.put("alice", ALICE);
        source.tokenGroups.put(ALICE.sid(), List.of(DOMAIN.withRid(513), DOMAIN.withRid(1105)));
        cache.byName("alice");
        cache.tokenGroups(ALICE.sid());
        clock.advance(Duration.ofHours(2));
        source.failure = Reason.DC_UNREACHABLE;

        assertThat(cache.byName("alice")).contains(ALICE);
        assertThat(cache.tokenGroups(ALICE.sid())).contains(List.of(DOMAIN.withRid(513), DOMAIN.withRid(1105)));
        DirectoryHealth health = cache.health();
        assertThat(health.state()).isEqualTo(DirectoryHealth.State.OFFLINE);
        assertThat(health.lastError()).contains("dc unreachable", "no DC answers");
        assertThat(health.lastFailure()).contains(clock.instant());
        assertThat(health.toHealth()).isEqualTo(new IdentityService.Health(false, "dc1.example.test",
                health.lastError()));

        // nothing cached: unavailable, never "no such user"
        assertThatThrownBy(() -> cache.byName("bob")).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("\"bob\"").hasMessageContaining("no DC answers");
    }

    @Test
    void whileOfflineTheDcIsAskedAgainOnlyAfterTheRetryInterval() throws Exception {
        source.failure = Reason.DC_UNREACHABLE;
        assertThatThrownBy(() -> cache.byName("alice")).isInstanceOf(IdentityUnavailableException.class);
        assertThatThrownBy(() -> cache.byName("alice")).isInstanceOf(IdentityUnavailableException.class);
        assertThat(source.calls).hasSize(1);

        // the DC is back; the next lookup after the interval goes to it, no restart needed
        source.failure = null;
        source.accounts.put("alice", ALICE);
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.byName("alice")).contains(ALICE);
        assertThat(source.calls).hasSize(2);
        assertThat(cache.health().state()).isEqualTo(DirectoryHealth.State.ONLINE);
        assertThat(cache.health().toHealth().online()).isTrue();
    }

    @Test
    void aDirectoryErrorIsNotOfflineAndIsNotCached() throws Exception {
        source.accounts.put("alice", ALICE);
        source.failure = Reason.DIRECTORY_ERROR;
        assertThatThrownBy(() -> cache.byName("alice")).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("directory error");
        assertThat(cache.health().state()).isEqualTo(DirectoryHealth.State.UNKNOWN);
        source.failure = null;
        assertThat(cache.byName("alice")).contains(ALICE);
        assertThat(source.calls).hasSize(2);
    }

    @Test
    void aBindFailureIsOfflineToo() throws Exception {
        source.failure = Reason.BIND_FAILED;
        assertThatThrownBy(() -> cache.users(10)).isInstanceOf(IdentityUnavailableException.class);
        assertThat(cache.health().state()).isEqualTo(DirectoryHealth.State.OFFLINE);
        assertThat(cache.health().toHealth().detail()).startsWith("bind failed");
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() throws Exception {
        CachingDirectory small = new CachingDirectory(source, clock, CachingDirectory.Settings.defaults()
                .withMaxEntries(3));
        small.byUidNumber(1);
        small.byUidNumber(2);
        small.byUidNumber(3);
        small.byUidNumber(1); // used again: 2 is now the eldest
        small.byUidNumber(4);
        assertThat(small.size()).isEqualTo(3);
        source.calls.clear();
        small.byUidNumber(1);
        small.byUidNumber(3);
        small.byUidNumber(4);
        assertThat(source.calls).isEmpty();
        small.byUidNumber(2);
        assertThat(source.calls).containsExactly("uid 2");
    }

    @Test
    void listingsAndMembersAreCachedPerCap() throws Exception {
        AccountListing users = cache.users(10);
        assertThat(users.accounts()).isEmpty();
        cache.users(10);
        cache.users(20);
        assertThat(source.calls).containsExactly("users 10", "users 20");
        assertThat(cache.members(DOMAIN.withRid(513), 5)).isEmpty();
        cache.members(DOMAIN.withRid(513), 5);
        assertThat(source.calls).hasSize(3);
    }

    @Test
    void aSourceThatThrowsUncheckedIsAnUnansweredLookup() {
        source.unchecked = true;
        assertThatThrownBy(() -> cache.bySid(ALICE.sid())).isInstanceOf(IdentityUnavailableException.class)
                .hasMessageContaining("IllegalStateException");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers from maps; fails with {@link #failure} when set. */
    private static final class FakeDirectory implements AccountDirectory {
        final Map<String, DirectoryAccount> accounts = new HashMap<>();
        final Map<Sid, List<Sid>> tokenGroups = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        Reason failure;
        boolean unchecked;

        private void call(String what) throws DirectoryLookupException {
            calls.add(what);
            if (unchecked) {
                throw new IllegalStateException("broken");
            }
            if (failure != null) {
                throw new DirectoryLookupException(failure, "no DC answers (test)");
            }
        }

        @Override
        public Optional<DirectoryAccount> byName(String name) throws DirectoryLookupException {
            call("name " + name);
            return Optional.ofNullable(accounts.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        @Override
        public Optional<DirectoryAccount> bySid(Sid sid) throws DirectoryLookupException {
            call("sid " + sid);
            return accounts.values().stream().filter(a -> a.sid().equals(sid)).findFirst();
        }

        @Override
        public Optional<DirectoryAccount> byUidNumber(long uid) throws DirectoryLookupException {
            call("uid " + uid);
            return Optional.empty();
        }

        @Override
        public Optional<DirectoryAccount> byGidNumber(long gid) throws DirectoryLookupException {
            call("gid " + gid);
            return Optional.empty();
        }

        @Override
        public Optional<List<Sid>> tokenGroups(Sid user) throws DirectoryLookupException {
            call("tokenGroups " + user);
            return Optional.ofNullable(tokenGroups.get(user));
        }

        @Override
        public Optional<AccountListing> members(Sid group, int cap) throws DirectoryLookupException {
            call("members " + group + " " + cap);
            return Optional.empty();
        }

        @Override
        public AccountListing users(int cap) throws DirectoryLookupException {
            call("users " + cap);
            return new AccountListing(List.of(), false);
        }

        @Override
        public AccountListing groups(int cap) throws DirectoryLookupException {
            call("groups " + cap);
            return new AccountListing(List.of(), false);
        }

        @Override
        public String lastDc() {
            return "dc1.example.test";
        }
    }
}
