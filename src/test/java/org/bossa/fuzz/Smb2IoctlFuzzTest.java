package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.smb2.wire.Smb2Command;

/**
 * IOCTL, and the FSCTL_VALIDATE_NEGOTIATE_INFO input it carries. The input is one SMB2
 * message (64-byte header, then the body); see {@link Smb2Requests#fuzzFamily}.
 */
class Smb2IoctlFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of(Smb2Command.IOCTL);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        Smb2Requests.fuzzFamily(FAMILY, message);
    }
}
