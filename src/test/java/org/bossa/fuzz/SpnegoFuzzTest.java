package org.bossa.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.auth.spnego.DerException;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.spnego.NegTokenInit2;
import org.bossa.auth.spnego.NegTokenResp;

/**
 * SPNEGO tokens (RFC 4178, MS-SPNG): the client's initial NegTokenInit in SESSION_SETUP, the
 * NegTokenResp of later legs, and the server's NegTokenInit2 as a client (DC) reads it; all read
 * through DerReader. Failures must be DerException. A NegTokenResp (which the server also encodes) that
 * decodes must re-encode to bytes that decode and encode to the same bytes.
 */
class SpnegoFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void token(byte[] token) throws DerException {
        try {
            NegTokenInit.decodeInitialToken(token);
        } catch (DerException e) {
            // SEC_E_INVALID_TOKEN
        }
        try {
            NegTokenInit2.decodeInitialToken(token);
        } catch (DerException e) {
            // refused
        }
        NegTokenResp resp;
        try {
            resp = NegTokenResp.decode(token);
        } catch (DerException e) {
            return; // refused
        }
        byte[] once = resp.encode();
        assertArrayEquals(once, NegTokenResp.decode(once).encode(), "NegTokenResp round trip");
    }
}
