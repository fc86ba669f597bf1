package org.bossa.domain.locator;

import java.time.Duration;

/** The end of the locator's time budget; each step waits at most its own limit and what is left. */
final class Deadline {
    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    Duration budget() {
        return budget;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Below this, a query or ping is not worth sending: its answer could not arrive in time. */
    static final Duration TOO_SHORT = Duration.ofMillis(10);

    /** Whether less than {@link #TOO_SHORT} is left. */
    boolean spent() {
        return remaining().compareTo(TOO_SHORT) < 0;
    }

    /** The smaller of {@code limit} and what is left of the budget. */
    Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
