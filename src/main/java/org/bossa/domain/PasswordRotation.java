package org.bossa.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the machine password on its own once it is older than the configured timeout (30 days by
 * default, like Samba's {@code machine password timeout}), through {@link TrustPasswordChange}:
 * the new password and the previous one are stored, the keytab rewritten with both key versions.
 * Checked at a quarter of the timeout (between 1 s and 1 h); a failed change is logged and tried at
 * the next check.
 */
public final class PasswordRotation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordRotation.class);

    private final TrustPasswordChange change;
    private final MembershipStore memberships;
    private final Supplier<DomainSettings> settings;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public PasswordRotation(TrustPasswordChange change, MembershipStore memberships, Supplier<DomainSettings> settings,
            Duration timeout, Clock clock) {
        this.change = Objects.requireNonNull(change);
        this.memberships = Objects.requireNonNull(memberships);
        this.settings = Objects.requireNonNull(settings);
        this.timeout = Objects.requireNonNull(timeout);
        this.clock = Objects.requireNonNull(clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("machine-password").factory());
    }

    /** Starts the periodic check; does nothing if the timeout is zero or negative. */
    public void start() {
        if (timeout.isZero() || timeout.isNegative()) {
            LOG.info("automatic machine password changes are off (bossa.domain.machine-password-timeout=0)");
            return;
        }
        long period = checkInterval(timeout).toMillis();
        timer.scheduleWithFixedDelay(this::checkOnce, Math.min(period, 60_000), period, TimeUnit.MILLISECONDS);
    }

    /** True if a password set at {@code setAt} is due for a change at {@code now}. */
    public static boolean due(Instant setAt, Duration timeout, Instant now) {
        return !timeout.isZero() && !timeout.isNegative() && !now.isBefore(setAt.plus(timeout));
    }

    /** How often to check: a quarter of the timeout, at least 1 s and at most 1 h. */
    static Duration checkInterval(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofHours(1);
        return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }

    void checkOnce() {
        try {
            memberships.load().ifPresent(m -> {
                if (due(m.passwordChangedAt(), timeout, clock.instant())) {
                    DomainMembership changed = change.change(settings.get(), m);
                    LOG.info("machine password of {} changed (older than {}): kvno {} -> {}",
                            changed.computer().samAccountName(), timeout, m.kvno(), changed.kvno());
                }
            });
        } catch (DomainException | IllegalStateException e) {
            LOG.warn("machine password change failed, will try again: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
