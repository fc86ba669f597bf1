package org.bossa.auth.spnego;

import java.util.ArrayList;
import java.util.List;
import org.bossa.auth.Mechanism;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.SecurityContextFactory;

/**
 * SPNEGO over a list of mechanisms, in preference order. Today: NTLMSSP. Kerberos plugs in as another
 * {@link Mechanism} listing 1.2.840.48018.1.2.2 and 1.2.840.113554.1.2.2, placed before NTLMSSP.
 */
public final class SpnegoContextFactory implements SecurityContextFactory {
    private final List<Mechanism> mechanisms;
    private final byte[] negotiateToken;

    public SpnegoContextFactory(List<Mechanism> mechanisms) {
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("at least one mechanism");
        }
        this.mechanisms = List.copyOf(mechanisms);
        List<Oid> oids = new ArrayList<>();
        for (Mechanism m : this.mechanisms) {
            for (String oid : m.oids()) {
                oids.add(new Oid(oid));
            }
        }
        this.negotiateToken = new NegTokenInit2(oids, NegTokenInit2.IGNORE_HINT).encodeInitialToken();
    }

    @Override
    public byte[] negotiateToken() {
        return negotiateToken.clone();
    }

    @Override
    public SecurityContext newContext() {
        return new SpnegoAcceptor(mechanisms, negotiateToken);
    }
}
