package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO (with an EA name list) and SET_INFO with the MS-FSCC information class or security descriptor in its buffer. The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2QuerySetFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.QUERY_DIRECTORY, Smb2Command.CHANGE_NOTIFY, Smb2Command.QUERY_INFO, Smb2Command.SET_INFO);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
