package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * CLOSE, FLUSH, READ, WRITE, LOCK (with its lock elements), OPLOCK_BREAK and LEASE_BREAK acknowledgments. The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2ReadWriteLockFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.CLOSE, Smb2Command.FLUSH, Smb2Command.READ, Smb2Command.WRITE, Smb2Command.LOCK, Smb2Command.OPLOCK_BREAK);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
