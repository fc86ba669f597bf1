package org.bossa.domain.locator;

import java.net.InetAddress;
import java.time.Duration;

/** Sends an LDAP ping to one DC address and waits a bounded time for its answer. */
@FunctionalInterface
public interface NetlogonPinger {
    /**
     * Pings; never blocks longer than {@code timeout}. An interrupt ends the wait early with a
     * {@link PingResult.Failed} and the thread's interrupt flag set.
     */
    PingResult ping(InetAddress address, String dnsDomain, Duration timeout);
}
