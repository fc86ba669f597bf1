package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * CREATE with its create contexts (RqLs lease v1/v2, DH2Q, MxAc, SecD security descriptor, ExtA EAs). The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2CreateFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.CREATE);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
