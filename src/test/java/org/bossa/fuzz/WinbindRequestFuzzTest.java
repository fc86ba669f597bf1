package org.bossa.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.identity.winbind.ClientSession;
import org.bossa.identity.winbind.FakeIdentityService;
import org.bossa.identity.winbind.WinbindFormatException;
import org.bossa.identity.winbind.WinbindHandler;
import org.bossa.identity.winbind.WinbindRequest;
import org.bossa.identity.winbind.WinbindResponse;

/**
 * What any local process may write to the winbindd socket (it is 0666): the fixed 2136-byte
 * request, then its extra data. The decoder must refuse with WinbindFormatException only; a
 * request it accepts goes through the handler (over a small fake domain, on the privileged
 * socket so the PAM commands run too), which must answer every request without throwing.
 */
class WinbindRequestFuzzTest {
    private static final WinbindHandler HANDLER = new WinbindHandler(new FakeIdentityService(), "/nonexistent");

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] input) {
        byte[] fixed = Arrays.copyOf(input, WinbindRequest.SIZE);
        byte[] extra = input.length > WinbindRequest.SIZE ? Arrays.copyOfRange(input, WinbindRequest.SIZE, input.length)
                : new byte[0];
        WinbindRequest req;
        try {
            req = WinbindRequest.decode(fixed, extra);
        } catch (WinbindFormatException e) {
            return; // answered with an error, connection closed
        }
        WinbindResponse r = HANDLER.handle(req, new ClientSession(true));
        assertTrue(r.encode().length >= WinbindResponse.SIZE);
    }
}
