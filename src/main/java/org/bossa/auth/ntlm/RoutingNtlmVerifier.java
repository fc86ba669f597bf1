package org.bossa.auth.ntlm;

import java.util.Locale;
import java.util.Objects;

/**
 * Sends each NTLM logon to the verifier that owns the account, as Samba's auth methods do for a
 * domain member: the server's own name (or no domain, when a local user of that name exists) means
 * a local account; any other domain name goes to the domain controller (Netlogon pass-through),
 * which also answers for trusted domains.
 */
public final class RoutingNtlmVerifier implements NtlmVerifier {
    private final NtlmVerifier local;
    private final NtlmVerifier domain;
    private final NtlmAccounts localAccounts;
    private final String netbiosName;

    public RoutingNtlmVerifier(NtlmVerifier local, NtlmVerifier domain, NtlmAccounts localAccounts, String netbiosName) {
        this.local = Objects.requireNonNull(local);
        this.domain = Objects.requireNonNull(domain);
        this.localAccounts = Objects.requireNonNull(localAccounts);
        this.netbiosName = netbiosName.toUpperCase(Locale.ROOT);
    }

    @Override
    public NtlmVerification verify(NtlmAuthenticateMessage auth, byte[] serverChallenge, byte[] ntlmv2Response) {
        return isLocal(auth) ? local.verify(auth, serverChallenge, ntlmv2Response)
                : domain.verify(auth, serverChallenge, ntlmv2Response);
    }

    private boolean isLocal(NtlmAuthenticateMessage auth) {
        String d = auth.domainName().trim();
        if (d.isEmpty()) {
            return localAccounts.ntHash(d, auth.userName()).isPresent();
        }
        return d.toUpperCase(Locale.ROOT).equals(netbiosName);
    }
}
