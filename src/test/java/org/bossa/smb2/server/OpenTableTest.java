package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order opens are closed in when several go at once (tree disconnect, logoff, teardown): the
 * order they were made, whatever their ids hash to. Windows closes in that order, and smbtorture
 * smb2.lock.cancel-tdis depends on it: the first open's lock is released, granting the second
 * open's blocked LOCK, before the second open closes.
 */
class OpenTableTest {

    @Test
    void opensComeBackInTheOrderTheyWereMadeAcrossHashBuckets() {
        Session session = new Session(1);
        TreeConnect tree = new TreeConnect(1, session, null, null, false, 0, false);
        OpenTable table = new OpenTable();
        List<Long> made = new ArrayList<>();
        // ids around a power of two land in buckets out of numeric order
        for (long v = 1000; v < 1100; v++) {
            table.add(new Open(new OpenId(v * 31 + 7, v), tree, "f" + v, null, null, false, 0, 0, 0, null));
            made.add(v);
        }
        assertThat(table.inOpeningOrder()).extracting(Open::volatileId).containsExactlyElementsOf(made);
        assertThat(table.values()).extracting(Open::volatileId).as("the map itself does not keep that order")
                .doesNotContainSequence(made);
    }
}
