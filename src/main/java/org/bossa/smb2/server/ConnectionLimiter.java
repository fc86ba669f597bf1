package org.bossa.smb2.server;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts open TCP connections, in all and per client address, and refuses those over the limits. */
final class ConnectionLimiter {
    private static final LimitLog TOTAL_LOG = new LimitLog("bossa.limits.max-connections");
    private static final LimitLog PER_ADDRESS_LOG = new LimitLog("bossa.limits.max-connections-per-address");

    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final AddressCounter perAddress;

    ConnectionLimiter(ServerLimits limits) {
        this.maxTotal = limits.maxConnections();
        this.perAddress = new AddressCounter(limits.maxConnectionsPerAddress());
    }

    /** Counts a new connection from {@code address}; false (nothing counted) when it is over a limit. */
    boolean admit(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            TOTAL_LOG.refused(address, maxTotal + " connections open");
            return false;
        }
        if (!perAddress.tryAcquire(address)) {
            total.decrementAndGet();
            PER_ADDRESS_LOG.refused(address, perAddress.max() + " connections from this address");
            return false;
        }
        return true;
    }

    /** A connection counted by {@link #admit} closed. */
    void release(String address) {
        total.decrementAndGet();
        perAddress.release(address);
    }

    int total() {
        return total.get();
    }
}
