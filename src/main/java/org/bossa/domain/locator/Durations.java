package org.bossa.domain.locator;

import java.time.Duration;

/** Durations as the locator's messages print them: "2 s", "1500 ms". */
final class Durations {
    private Durations() {
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
