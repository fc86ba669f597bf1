package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.auth.ntlm.NtlmAuthenticateMessage;
import org.bossa.auth.ntlm.NtlmChallengeMessage;
import org.bossa.auth.ntlm.NtlmDecodingException;
import org.bossa.auth.ntlm.NtlmNegotiateMessage;

/**
 * The three NTLMSSP messages (MS-NLMP 2.2.1): NEGOTIATE and AUTHENTICATE arrive from SMB clients,
 * CHALLENGE from the DC's NTLM (when Bossa is the client). The MessageType field (offset 8) picks
 * the decoder; other values try all three. Failures must be NtlmDecodingException.
 */
class NtlmMessageFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void message(byte[] msg) {
        int type = msg.length >= 12 ? msg[8] & 0xFF : 0;
        if (type == 1 || type == 0) {
            negotiate(msg);
        }
        if (type == 2 || type == 0) {
            challenge(msg);
        }
        if (type == 3 || type == 0) {
            authenticate(msg);
        }
        if (type > 3) {
            negotiate(msg);
            challenge(msg);
            authenticate(msg);
        }
    }

    private static void negotiate(byte[] msg) {
        try {
            NtlmNegotiateMessage.decode(msg);
        } catch (NtlmDecodingException e) {
            // refused: SEC_E_INVALID_TOKEN
        }
    }

    private static void challenge(byte[] msg) {
        try {
            NtlmChallengeMessage.decode(msg);
        } catch (NtlmDecodingException e) {
            // refused
        }
    }

    private static void authenticate(byte[] msg) {
        try {
            NtlmAuthenticateMessage.decode(msg);
        } catch (NtlmDecodingException e) {
            // refused
        }
    }
}
