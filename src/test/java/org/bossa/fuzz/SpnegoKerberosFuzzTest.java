package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.StepResult;
import org.bossa.auth.kerberos.KerberosMechanism;
import org.bossa.auth.spnego.SpnegoAcceptor;
import org.bossa.auth.spnego.SpnegoContextFactory;

/**
 * A client's first SESSION_SETUP security buffer through SPNEGO into the Kerberos mechanism, as the
 * server runs it: NegTokenInit (or a raw GSS Kerberos token) picked apart by {@link SpnegoAcceptor}
 * (built by SpnegoContextFactory as the server builds it, with Kerberos as its only mechanism), the
 * mechToken handed to the Kerberos context, the AP-REQ accepted by the fixture's acceptor
 * ({@link KerberosFixture}), the ticket's PAC validated with the service key and turned into the
 * user's identity, and a client's mechListMIC verified with the context key.
 *
 * <p>Contract: step returns a StepResult. SpnegoAcceptor catches unchecked exceptions as a safety net
 * and answers them with the reason "internal error"; its comment says reaching it is a bug, so that
 * reason is a finding here too.
 */
class SpnegoKerberosFuzzTest {
    /** SpnegoAcceptor's reason when its safety net caught an unchecked exception. */
    private static final String INTERNAL_ERROR = "internal error";

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void token(byte[] token) {
        SecurityContext spnego = new SpnegoContextFactory(List.of(new KerberosMechanism(KerberosFixture.acceptor())))
                .newContext();
        StepResult r = spnego.step(token);
        if (r.outcome() == StepResult.Outcome.FAILED && INTERNAL_ERROR.equals(r.reason())) {
            throw new AssertionError("SpnegoAcceptor's safety net caught an unchecked exception (see its WARN log)");
        }
    }
}
