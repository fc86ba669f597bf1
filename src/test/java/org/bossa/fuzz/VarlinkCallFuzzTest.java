package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bossa.identity.userdb.FakeIdentityService;
import org.bossa.identity.userdb.ReplySink;
import org.bossa.identity.userdb.UserDbMethods;
import org.bossa.identity.userdb.VarlinkCall;
import org.bossa.identity.userdb.VarlinkProtocolException;

/**
 * One varlink message as any local process may send it to the userdb socket: JSON parsed by the
 * project's own reader, then the io.systemd.UserDatabase call answered from a small fake domain.
 * Malformed messages must fail with VarlinkProtocolException only; accepted ones must be answered
 * (a reply or a varlink error) without throwing.
 */
class VarlinkCallFuzzTest {
    private static final UserDbMethods METHODS = new UserDbMethods(new FakeIdentityService('\\'), "org.bossa.identity", 100);
    private static final ReplySink SINK = new ReplySink() {
        @Override
        public void reply(Map<String, Object> parameters, boolean continues) {
        }

        @Override
        public void error(String error, Map<String, Object> parameters) {
        }
    };

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void message(byte[] input) throws IOException {
        VarlinkCall call;
        try {
            call = VarlinkCall.parse(new String(input, StandardCharsets.UTF_8));
        } catch (VarlinkProtocolException e) {
            return; // the connection is closed
        }
        METHODS.handle(call, SINK);
    }
}
