package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 2782 ordering and the parsing of JNDI's SRV text. */
class SrvOrderTest {

    @Test
    void parsesJndiSrvText() {
        assertThat(SrvRecord.parse("0 100 389 dc1.example.test.")).isEqualTo(new SrvRecord(0, 100, 389, "dc1.example.test"));
        assertThat(SrvRecord.parse("5 0 88 .").unavailable()).isTrue();
        assertThatThrownBy(() -> SrvRecord.parse("0 100 389")).hasMessageContaining("does not have 4 fields");
        assertThatThrownBy(() -> SrvRecord.parse("0 x 389 a.")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> SrvRecord.parse("0 70000 389 a.")).hasMessageContaining("outside 0-65535");
    }

    @Test
    void lowerPriorityAlwaysFirst() {
        List<SrvRecord> records = List.of(new SrvRecord(10, 100, 389, "c"), new SrvRecord(0, 1, 389, "a"),
                new SrvRecord(5, 0, 389, "b"));
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(SrvOrder.order(records, random)).extracting(SrvRecord::target).containsExactly("a", "b", "c");
        }
    }

    @Test
    void weightsDecideTheChanceOfComingFirst() {
        List<SrvRecord> records = List.of(new SrvRecord(0, 90, 389, "heavy"), new SrvRecord(0, 10, 389, "light"));
        Random random = new Random(2782);
        int heavyFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            List<SrvRecord> order = SrvOrder.order(records, random);
            assertThat(order).hasSize(2);
            if (order.getFirst().target().equals("heavy")) {
                heavyFirst++;
            }
        }
        // Expected 90/101 + 1/101 for the pick of 0 landing on heavy... within a few percent of 90 %.
        assertThat(heavyFirst).isBetween(8_700, 9_300);
    }

    @Test
    void weightZeroComesLastAlmostAlways() {
        List<SrvRecord> records = List.of(new SrvRecord(0, 0, 389, "zero"), new SrvRecord(0, 50, 389, "a"),
                new SrvRecord(0, 50, 389, "b"));
        Random random = new Random(3);
        int zeroFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            if (SrvOrder.order(records, random).getFirst().target().equals("zero")) {
                zeroFirst++;
            }
        }
        // Only a random pick of exactly 0 out of [0, 100] selects it first.
        assertThat(zeroFirst).isBetween(30, 200);
    }

    @Test
    void dropsUnavailableTargets() {
        assertThat(SrvOrder.order(List.of(new SrvRecord(0, 0, 0, ".")), new Random())).isEmpty();
    }
}
