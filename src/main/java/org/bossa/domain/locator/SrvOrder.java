package org.bossa.domain.locator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which to try SRV targets (RFC 2782, "Usage rules"): lowest priority first; within
 * one priority, a weighted random order where a record's chance of coming next is its weight over
 * the sum of the weights not yet placed (weight-0 records placed first in the running sum, so
 * they are picked only when the random number is 0 or all else is taken).
 */
final class SrvOrder {
    private SrvOrder() {
    }

    static List<SrvRecord> order(List<SrvRecord> records, RandomGenerator random) {
        List<SrvRecord> sorted = new ArrayList<>(records);
        sorted.removeIf(SrvRecord::unavailable);
        sorted.sort(Comparator.comparingInt(SrvRecord::priority));
        List<SrvRecord> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).priority() == sorted.get(i).priority()) {
                j++;
            }
            out.addAll(weighted(sorted.subList(i, j), random));
            i = j;
        }
        return out;
    }

    private static List<SrvRecord> weighted(List<SrvRecord> group, RandomGenerator random) {
        List<SrvRecord> left = new ArrayList<>(group);
        left.sort(Comparator.comparingInt(r -> r.weight() == 0 ? 0 : 1));
        List<SrvRecord> out = new ArrayList<>(group.size());
        while (!left.isEmpty()) {
            long total = 0;
            for (SrvRecord r : left) {
                total += r.weight();
            }
            long pick = random.nextLong(total + 1); // uniform in [0, total]
            long running = 0;
            int chosen = left.size() - 1;
            for (int k = 0; k < left.size(); k++) {
                running += left.get(k).weight();
                if (running >= pick) {
                    chosen = k;
                    break;
                }
            }
            out.add(left.remove(chosen));
        }
        return out;
    }
}
