package org.bossa.smb2.server;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per limit refusal, at most one every ten seconds per limit: a client hammering a
 * limit must not fill the disk with the same line. The next line says how many were not logged.
 */
final class LimitLog {
    private static final Logger LOG = LoggerFactory.getLogger(LimitLog.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String limit;
    private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    LimitLog(String limit) {
        this.limit = limit;
    }

    /** Logs "limit reached" with the client address and detail, unless one was logged recently. */
    void refused(String client, String detail) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next < 0 || !nextAllowed.compareAndSet(next, now + INTERVAL_NANOS)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        LOG.warn("limit {} reached by {}: {}{}", limit, client, detail,
                skipped == 0 ? "" : " (" + skipped + " more refusals not logged)");
    }
}
