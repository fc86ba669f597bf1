package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.auth.ntlm.AvPairs;
import org.bossa.auth.ntlm.NtlmDecodingException;
import org.bossa.auth.ntlm.NtlmV2Response;

/**
 * The NTLMv2 response of an AUTHENTICATE message (MS-NLMP 2.2.2.8: NTProofStr, then the client
 * challenge blob with its AV_PAIR list) and an AV_PAIR list on its own (the CHALLENGE's TargetInfo).
 * Failures must be NtlmDecodingException.
 */
class NtlmV2ResponseFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void response(byte[] nt) {
        try {
            NtlmV2Response.decode(nt);
        } catch (NtlmDecodingException e) {
            // refused
        }
        try {
            AvPairs.decode(nt);
        } catch (NtlmDecodingException e) {
            // refused
        }
    }
}
