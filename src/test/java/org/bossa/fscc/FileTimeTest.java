package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTimeTest {
    @Test
    void unixEpoch() {
        assertThat(FileTime.fromEpochNanos(0)).isEqualTo(116_444_736_000_000_000L);
        assertThat(FileTime.toEpochNanos(116_444_736_000_000_000L)).isZero();
        assertThat(FileTime.fromEpoch(1, 999_999_999)).isEqualTo(116_444_736_000_000_000L + 19_999_999);
        assertThat(FileTime.toInstant(FileTime.LEAVE_UNCHANGED)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
    }

    @Test
    void roundTripsAtTickResolution() {
        Instant t = Instant.parse("2024-02-29T12:34:56.123456700Z");
        long ft = FileTime.fromInstant(t);
        assertThat(FileTime.toInstant(ft)).isEqualTo(t);
        assertThat(FileTime.toEpochNanos(ft)).isEqualTo(t.getEpochSecond() * 1_000_000_000L + t.getNano());
        assertThat(FileTime.fromEpochNanos(-1)).isEqualTo(FileTime.EPOCH_DIFF_100NS - 1);
    }

    @Test
    void saturates() {
        assertThat(FileTime.toEpochNanos(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(FileTime.toEpochNanos(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(FileTime.fromEpoch(Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(FileTime.toInstant(Long.MAX_VALUE).getEpochSecond()).isGreaterThan(900_000_000_000L);
    }
}
