package org.bossa.smb2.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many of something each client address holds, up to a bound: connections, failed logons
 * waiting for their delayed answer. An address holding nothing has no entry, so the map stays as
 * small as the set of busy addresses.
 */
final class AddressCounter {
    private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();
    private final int max;

    AddressCounter(int max) {
        this.max = max;
    }

    /** Counts one more for {@code address}; false (nothing counted) when it already holds the most. */
    boolean tryAcquire(String address) {
        boolean[] over = new boolean[1];
        counts.compute(address, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                over[0] = true;
                return n;
            }
            return now + 1;
        });
        return !over[0];
    }

    /** One counted by {@link #tryAcquire} is given back. */
    void release(String address) {
        counts.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    int max() {
        return max;
    }
}
