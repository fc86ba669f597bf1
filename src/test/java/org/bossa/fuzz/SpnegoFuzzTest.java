package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.auth.spnego.DerException;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.spnego.NegTokenInit2;
import org.bossa.auth.spnego.NegTokenResp;

/**
 * SPNEGO tokens (RFC 4178, MS-SPNG): the client's initial NegTokenInit in SESSION_SETUP, the
 * NegTokenResp of later legs, and the server's NegTokenInit2 as a client (DC) reads it; all read
 * through DerReader. Failures must be DerException.
 */
class SpnegoFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void token(byte[] token) {
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
        try {
            NegTokenResp.decode(token);
        } catch (DerException e) {
            // refused
        }
    }
}
