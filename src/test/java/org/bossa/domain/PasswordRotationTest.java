package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordRotationTest {
    private static final Instant SET = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void aPasswordIsDueOnceOlderThanTheTimeout() {
        Duration month = Duration.ofDays(30);
        assertThat(PasswordRotation.due(SET, month, SET.plus(Duration.ofDays(29)))).isFalse();
        assertThat(PasswordRotation.due(SET, month, SET.plus(month))).isTrue();
        assertThat(PasswordRotation.due(SET, month, SET.plus(Duration.ofDays(90)))).isTrue();
        assertThat(PasswordRotation.due(SET, Duration.ZERO, SET.plus(Duration.ofDays(900)))).as("0 = never").isFalse();
    }

    @Test
    void checksAtAQuarterOfTheTimeoutBetweenOneSecondAndOneHour() {
        assertThat(PasswordRotation.checkInterval(Duration.ofDays(30))).isEqualTo(Duration.ofHours(1));
        assertThat(PasswordRotation.checkInterval(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
        assertThat(PasswordRotation.checkInterval(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
