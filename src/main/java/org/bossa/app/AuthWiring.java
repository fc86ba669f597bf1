package org.bossa.app;

import java.util.List;
import java.util.Locale;
import org.bossa.auth.SecurityContextFactory;
import org.bossa.auth.ntlm.LocalNtlmVerifier;
import org.bossa.auth.ntlm.NtlmMechanism;
import org.bossa.auth.ntlm.NtlmServerConfig;
import org.bossa.auth.spnego.SpnegoContextFactory;
import org.bossa.store.LocalUser;
import org.bossa.store.StateStore;

/** Builds the SESSION_SETUP acceptor: SPNEGO around NTLMSSP, verified against local users. */
public final class AuthWiring {
    private AuthWiring() {
    }

    public static SecurityContextFactory localNtlm(StateStore store, String netbiosName, String workgroup, boolean allowAnonymous) {
        String host = netbiosName.toLowerCase(Locale.ROOT);
        NtlmServerConfig cfg = new NtlmServerConfig(netbiosName, netbiosName, host, host, allowAnonymous);
        LocalNtlmVerifier verifier = new LocalNtlmVerifier(
                (domain, user) -> store.findUser(user).filter(LocalUser::enabled).map(LocalUser::ntHash), cfg);
        return new SpnegoContextFactory(List.of(new NtlmMechanism(cfg, verifier)));
    }
}
