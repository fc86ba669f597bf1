package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * NEGOTIATE with its negotiate contexts (preauth, encryption, signing algorithm lists). The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2NegotiateFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.NEGOTIATE);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
