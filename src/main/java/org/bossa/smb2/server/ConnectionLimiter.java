package org.bossa.smb2.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open TCP connections, in all and per client address, and refuses those over the limits. */
final class ConnectionLimiter {
    private static final LimitLog TOTAL_LOG = new LimitLog("bossa.limits.max-connections");
    private static final LimitLog PER_ADDRESS_LOG = new LimitLog("bossa.limits.max-connections-per-address");

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionLimiter(ServerLimits limits) {
        this.maxTotal = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
    }

    /** Counts a new connection from {@code address}; false (nothing counted) when it is over a limit. */
    boolean admit(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            TOTAL_LOG.refused(address, maxTotal + " connections open");
            return false;
        }
        boolean[] over = new boolean[1];
        perAddress.compute(address, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= maxPerAddress) {
                over[0] = true;
                return n;
            }
            return now + 1;
        });
        if (over[0]) {
            total.decrementAndGet();
            PER_ADDRESS_LOG.refused(address, maxPerAddress + " connections from this address");
            return false;
        }
        return true;
    }

    /** A connection counted by {@link #admit} closed. */
    void release(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    int total() {
        return total.get();
    }
}
