package org.bossa.auth.ntlm;

import java.util.Arrays;
import java.util.List;
import org.bossa.auth.Mechanism;
import org.bossa.auth.MechanismContext;

/** NTLMSSP as a SPNEGO mechanism, OID 1.3.6.1.4.1.311.2.2.10. */
public final class NtlmMechanism implements Mechanism {
    public static final String OID = "1.3.6.1.4.1.311.2.2.10";

    private final NtlmServerConfig config;
    private final NtlmVerifier verifier;

    public NtlmMechanism(NtlmServerConfig config, NtlmVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "ntlm";
    }

    @Override
    public List<String> oids() {
        return List.of(OID);
    }

    @Override
    public boolean recognizesRawToken(byte[] token) {
        return token.length >= 8 && Arrays.equals(token, 0, 8, NtlmBytes.SIGNATURE, 0, 8);
    }

    @Override
    public MechanismContext newContext() {
        return new NtlmAcceptor(config, verifier);
    }
}
