package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bossa.auth.kerberos.ReplayCache.Admission;
import org.bossa.auth.kerberos.ReplayCache.Entry;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {
    private static final Instant T0 = Instant.parse("2026-03-14T15:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static Entry entry(String client, long ctime, int cusec, int cipherByte) {
        return new Entry(client, "cifs/filesrv.example.test@EXAMPLE.TEST", ctime, cusec,
                new byte[] {1, 2, (byte) cipherByte});
    }

    private static Admission admit(ReplayCache cache, Entry e, Instant now) {
        return cache.admit(e, Instant.ofEpochSecond(e.ctimeSeconds()).plus(SKEW), now);
    }

    @Test
    void theSameAuthenticatorIsAReplayUntilItExpires() {
        ReplayCache cache = new ReplayCache(10);
        Entry e = entry("alice@EXAMPLE.TEST", T0.getEpochSecond(), 7, 0);
        assertThat(admit(cache, e, T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("alice@EXAMPLE.TEST", T0.getEpochSecond(), 7, 0), T0.plusSeconds(299)))
                .isEqualTo(Admission.REPLAY);
        assertThat(admit(cache, e, T0.plusSeconds(300))).as("at ctime + skew still a replay").isEqualTo(Admission.REPLAY);
        assertThat(admit(cache, e, T0.plusSeconds(301))).as("expired, dropped, recorded anew").isEqualTo(Admission.FRESH);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void everyFieldDistinguishesAuthenticators() {
        ReplayCache cache = new ReplayCache(10);
        long t = T0.getEpochSecond();
        assertThat(admit(cache, entry("alice@EXAMPLE.TEST", t, 7, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("alice@EXAMPLE.TEST", t, 7, 1), T0)).as("ciphertext (hash extension)")
                .isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("alice@EXAMPLE.TEST", t, 8, 0), T0)).as("cusec").isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("alice@EXAMPLE.TEST", t + 1, 7, 0), T0)).as("ctime").isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("bob@EXAMPLE.TEST", t, 7, 0), T0)).as("client").isEqualTo(Admission.FRESH);
        assertThat(cache.admit(new Entry("alice@EXAMPLE.TEST", "host/filesrv@EXAMPLE.TEST", t, 7, new byte[] {1, 2, 0}),
                T0.plus(SKEW), T0)).as("server").isEqualTo(Admission.FRESH);
        // length-prefixed: moving a character from one name to the other is another entry
        assertThat(cache.admit(new Entry("ab", "c", t, 7, new byte[0]), T0.plus(SKEW), T0)).isEqualTo(Admission.FRESH);
        assertThat(cache.admit(new Entry("a", "bc", t, 7, new byte[0]), T0.plus(SKEW), T0)).isEqualTo(Admission.FRESH);
    }

    @Test
    void fullOfUnexpiredEntriesRefusesNewOnesButStillDetectsReplays() {
        ReplayCache cache = new ReplayCache(2);
        long t = T0.getEpochSecond();
        assertThat(admit(cache, entry("a@R", t, 1, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("b@R", t + 60, 1, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("c@R", t, 1, 0), T0)).isEqualTo(Admission.FULL);
        assertThat(admit(cache, entry("a@R", t, 1, 0), T0)).isEqualTo(Admission.REPLAY);
        assertThat(cache.size()).isEqualTo(2);

        // the first expires, the second not yet: room for exactly one
        Instant later = T0.plusSeconds(330);
        assertThat(admit(cache, entry("c@R", t + 330, 1, 0), later)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("d@R", t + 330, 1, 0), later)).isEqualTo(Admission.FULL);
        assertThat(admit(cache, entry("b@R", t + 60, 1, 0), later)).isEqualTo(Admission.REPLAY);
    }

    @Test
    void oneClientMayHoldHalfTheCacheSoOthersStillLogOn() {
        ReplayCache cache = new ReplayCache(4);
        long t = T0.getEpochSecond();
        assertThat(cache.maxPerClient()).isEqualTo(2);
        assertThat(admit(cache, entry("flood@R", t, 1, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("flood@R", t, 2, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("flood@R", t, 3, 0), T0)).isEqualTo(Admission.CLIENT_FULL);
        assertThat(admit(cache, entry("flood@R", t, 1, 0), T0)).as("its replays are still replays").isEqualTo(Admission.REPLAY);
        assertThat(admit(cache, entry("alice@R", t, 1, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("bob@R", t, 1, 0), T0)).isEqualTo(Admission.FRESH);
        // the flood's entries expire: its share frees up
        Instant later = T0.plusSeconds(301);
        assertThat(admit(cache, entry("flood@R", t + 301, 1, 0), later)).isEqualTo(Admission.FRESH);
    }

    @Test
    void expiryOrderIsByExpiryNotByArrival() {
        ReplayCache cache = new ReplayCache(2);
        long t = T0.getEpochSecond();
        // a client ahead of our clock is kept longer than one behind it, whatever came first
        assertThat(admit(cache, entry("ahead@R", t + 240, 1, 0), T0)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("behind@R", t - 240, 1, 0), T0)).isEqualTo(Admission.FRESH);
        Instant later = T0.plusSeconds(61); // behind's entry (expiry t + 60) is gone, ahead's (t + 540) is not
        assertThat(admit(cache, entry("new@R", t + 61, 1, 0), later)).isEqualTo(Admission.FRESH);
        assertThat(admit(cache, entry("ahead@R", t + 240, 1, 0), later)).isEqualTo(Admission.REPLAY);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ReplayCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
