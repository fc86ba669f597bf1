package org.bossa.auth;

/**
 * One authentication exchange on the acceptor (server) side: the SESSION_SETUP security blobs of one
 * session setup in progress, fed in one at a time. Not thread-safe; one instance per exchange.
 *
 * <p>Implementations never throw for bad input: a malformed or hostile token yields {@link
 * StepResult.Outcome#FAILED} with the NT status the client should see.
 */
public interface SecurityContext {

    /**
     * One round: consume the client's token (possibly empty) and say what to answer.
     *
     * @param inputToken the client's security buffer, never null (may be empty)
     * @return CONTINUE (answer MORE_PROCESSING_REQUIRED with the output token), DONE or FAILED
     */
    StepResult step(byte[] inputToken);

    /** The mechanism in use, once known ("ntlm", "kerberos"), for the audit line; "-" before. */
    default String mechanismName() {
        return "-";
    }
}
