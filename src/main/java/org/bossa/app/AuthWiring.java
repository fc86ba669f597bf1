package org.bossa.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bossa.auth.Mechanism;
import org.bossa.auth.SecurityContextFactory;
import org.bossa.auth.ntlm.LocalNtlmVerifier;
import org.bossa.auth.ntlm.NtlmAccounts;
import org.bossa.auth.ntlm.NtlmVerifier;
import org.bossa.auth.ntlm.RoutingNtlmVerifier;
import org.bossa.domain.DomainMembership;
import org.bossa.auth.ntlm.NtlmMechanism;
import org.bossa.auth.ntlm.NtlmServerConfig;
import org.bossa.auth.spnego.SpnegoContextFactory;
import org.bossa.store.LocalUser;
import org.bossa.store.StateStore;

/**
 * Builds the SESSION_SETUP acceptor: SPNEGO around NTLMSSP, verified against local users
 * (standalone); on a domain member, SPNEGO around Kerberos (the machine keytab) and NTLMSSP (local
 * users for the server's own name, the DC for everyone else).
 */
public final class AuthWiring {
    private AuthWiring() {
    }

    public static SecurityContextFactory localNtlm(StateStore store, String netbiosName, String workgroup, boolean allowAnonymous) {
        return new SpnegoContextFactory(List.of(localNtlmMechanism(store, netbiosName, allowAnonymous)));
    }

    /** NTLMSSP verified against the local users of {@code store}, the server being {@code netbiosName}. */
    public static Mechanism localNtlmMechanism(StateStore store, String netbiosName, boolean allowAnonymous) {
        String host = netbiosName.toLowerCase(Locale.ROOT);
        NtlmServerConfig cfg = new NtlmServerConfig(netbiosName, netbiosName, host, host, allowAnonymous);
        return new NtlmMechanism(cfg, new LocalNtlmVerifier(localAccounts(store), cfg));
    }

    /**
     * A domain member's acceptor: Kerberos first (from the machine keytab, no DC round trip), then
     * NTLMSSP unless switched off. The NTLM CHALLENGE names the domain (NetBIOS and DNS) and this
     * member's DNS host name, as a Windows or Samba member's does; NTLM logons go to
     * {@code domainVerifier} unless they name this server (or no domain, for an existing local user).
     */
    public static SecurityContextFactory member(StateStore store, String netbiosName, DomainMembership m,
            NtlmVerifier domainVerifier, boolean allowAnonymous, Mechanism kerberos, boolean ntlm) {
        List<Mechanism> mechanisms = new ArrayList<>();
        mechanisms.add(kerberos);
        if (ntlm) {
            NtlmServerConfig cfg = new NtlmServerConfig(m.netbiosDomain(), netbiosName, m.dnsDomain(),
                    m.computer().dnsHostName(), allowAnonymous);
            NtlmAccounts locals = localAccounts(store);
            NtlmVerifier verifier = new RoutingNtlmVerifier(new LocalNtlmVerifier(locals, cfg), domainVerifier, locals,
                    netbiosName);
            mechanisms.add(new NtlmMechanism(cfg, verifier));
        }
        return new SpnegoContextFactory(mechanisms);
    }

    /**
     * Local users' NT hashes by name. A name no local user can have (a UPN such as
     * {@code alice@example.test}, a name with '\\') is simply no local user: the logon goes on to the
     * domain, or fails with LOGON_FAILURE, never with a parameter error.
     */
    private static NtlmAccounts localAccounts(StateStore store) {
        return (domain, user) -> {
            try {
                return store.findUser(user).filter(LocalUser::enabled).map(LocalUser::ntHash);
            } catch (IllegalArgumentException notALocalName) {
                return java.util.Optional.empty();
            }
        };
    }
}
