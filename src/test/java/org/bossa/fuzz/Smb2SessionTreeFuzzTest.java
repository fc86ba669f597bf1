package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * SESSION_SETUP, LOGOFF, TREE_CONNECT (with its extension), TREE_DISCONNECT, ECHO, CANCEL. The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2SessionTreeFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.SESSION_SETUP, Smb2Command.LOGOFF, Smb2Command.TREE_CONNECT, Smb2Command.TREE_DISCONNECT, Smb2Command.ECHO, Smb2Command.CANCEL);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
