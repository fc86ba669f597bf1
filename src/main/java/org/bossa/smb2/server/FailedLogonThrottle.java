package org.bossa.smb2.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing the way Windows 11 24H2's SMB authentication rate limiter does: each
 * failed authentication is answered only after a delay (2 s by default). The reply is sent by a
 * scheduled task, so no thread waits; how many delayed replies one client address may have waiting
 * is bounded, and a client over that bound loses its connection instead of queueing more.
 */
final class FailedLogonThrottle {
    private static final LimitLog LOG = new LimitLog("bossa.limits.max-delayed-logons-per-address");

    private final long delayNanos;
    private final AddressCounter waiting;

    FailedLogonThrottle(ServerLimits limits) {
        Duration d = limits.failedLogonDelay();
        this.delayNanos = d.toNanos();
        this.waiting = new AddressCounter(limits.maxDelayedLogonsPerAddress());
    }

    boolean enabled() {
        return delayNanos > 0;
    }

    /**
     * Runs {@code send} after the delay on {@code timer}; false (nothing scheduled) when
     * {@code address} already has the most delayed replies waiting.
     */
    boolean delay(String address, ScheduledExecutorService timer, Runnable send) {
        if (!waiting.tryAcquire(address)) {
            LOG.refused(address, waiting.max() + " failed logons waiting for their delayed reply");
            return false;
        }
        timer.schedule(() -> {
            try {
                send.run();
            } finally {
                waiting.release(address);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return true;
    }
}
