package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bossa.domain.GroupLookup;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class CachingNameResolverTest {
    private static final GroupLookup ENGINEERS = new GroupLookup.Found(Sid.parse("S-1-5-21-1-2-3-1105"));

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Answers what {@code answer} holds and counts the calls. */
    private static final class Source implements NameResolver {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<GroupLookup> answer = new AtomicReference<>();

        Source(GroupLookup first) {
            answer.set(first);
        }

        @Override
        public GroupLookup lookupGroup(String domain, String name) {
            calls.incrementAndGet();
            return answer.get();
        }
    }

    private final MutableClock clock = new MutableClock();

    @Test
    void aFoundGroupIsKeptTenMinutes() {
        Source src = new Source(ENGINEERS);
        CachingNameResolver r = new CachingNameResolver(src, clock, Duration.ofSeconds(10));
        assertThat(r.lookupGroup("EXAMPLE", "Engineers")).isEqualTo(ENGINEERS);
        clock.advance(Duration.ofMinutes(9));
        assertThat(r.lookupGroup("example", "Engineers")).isEqualTo(ENGINEERS);
        assertThat(src.calls).hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        src.answer.set(GroupLookup.NOT_FOUND);
        assertThat(r.lookupGroup("EXAMPLE", "Engineers")).isEqualTo(GroupLookup.NOT_FOUND);
        assertThat(src.calls).hasValue(2);
    }

    @Test
    void aMissingGroupIsKeptOneMinuteAndAFailureTenSeconds() {
        Source src = new Source(GroupLookup.NOT_FOUND);
        CachingNameResolver r = new CachingNameResolver(src, clock, Duration.ofSeconds(10));
        r.lookupGroup("EXAMPLE", "nosuch");
        clock.advance(Duration.ofSeconds(59));
        r.lookupGroup("EXAMPLE", "nosuch");
        assertThat(src.calls).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        src.answer.set(new GroupLookup.Failed("DC unreachable"));
        assertThat(r.lookupGroup("EXAMPLE", "nosuch")).isInstanceOf(GroupLookup.Failed.class);
        clock.advance(Duration.ofSeconds(9));
        assertThat(r.lookupGroup("EXAMPLE", "nosuch")).isInstanceOf(GroupLookup.Failed.class);
        assertThat(src.calls).hasValue(2);
        clock.advance(Duration.ofSeconds(2));
        src.answer.set(ENGINEERS);
        assertThat(r.lookupGroup("EXAMPLE", "nosuch")).isEqualTo(ENGINEERS);
        assertThat(src.calls).hasValue(3);
    }

    @Test
    void hostGroupNamesKeepTheirCase() {
        Source src = new Source(ENGINEERS);
        CachingNameResolver r = new CachingNameResolver(src, clock, Duration.ofSeconds(10));
        r.lookupGroup("FILES1", "staff");
        r.lookupGroup("FILES1", "Staff");
        assertThat(src.calls).hasValue(2);
    }

    @Test
    void aLookupThatDoesNotAnswerInTimeIsAFailureAndItsLateAnswerIsKept() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NameResolver slow = (d, n) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ENGINEERS;
        };
        CachingNameResolver r = new CachingNameResolver(slow, clock, Duration.ofMillis(50));
        GroupLookup first = r.lookupGroup("EXAMPLE", "Engineers");
        assertThat(first).isInstanceOf(GroupLookup.Failed.class);
        assertThat(((GroupLookup.Failed) first).reason()).contains("no answer within");
        release.countDown();
        GroupLookup later = first;
        for (int i = 0; i < 200 && !(later instanceof GroupLookup.Found); i++) {
            later = r.lookupGroup("EXAMPLE", "Engineers");
        }
        assertThat(later).isEqualTo(ENGINEERS);
    }

    @Test
    void concurrentCallersShareOneLookup() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        NameResolver gated = (d, n) -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ENGINEERS;
        };
        CachingNameResolver r = new CachingNameResolver(gated, clock, Duration.ofSeconds(30));
        List<Thread> callers = new ArrayList<>();
        List<GroupLookup> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofVirtual().start(() -> results.add(r.lookupGroup("EXAMPLE", "Engineers"))));
        }
        // release the source only once every caller waits on the shared lookup (parked with a timeout)
        while (!callers.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread t : callers) {
            t.join();
        }
        assertThat(results).hasSize(8).containsOnly(ENGINEERS);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSourceThatThrowsIsAFailure() {
        CachingNameResolver r = new CachingNameResolver((d, n) -> {
            throw new IllegalStateException("boom");
        }, clock, Duration.ofSeconds(10));
        assertThat(r.lookupGroup("EXAMPLE", "Engineers")).isInstanceOf(GroupLookup.Failed.class);
    }
}
