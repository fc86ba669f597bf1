package org.bossa.auth.ntlm;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.smb2.wire.NtStatus;

/**
 * Verifies NTLMv2 responses against local NT hashes (MS-NLMP 3.3.2).
 *
 * <p>The NTProofStr binds the user name (uppercased) and a domain string. Clients put what they were given in
 * the domain, which for a local account may be our NetBIOS name, the workgroup or nothing, so like Samba's
 * ntlm_password_check this tries the domain as sent, the same uppercased, the empty domain, and the server's
 * NetBIOS name.
 */
public final class LocalNtlmVerifier implements NtlmVerifier {
    private final NtlmAccounts accounts;
    private final NtlmServerConfig config;

    public LocalNtlmVerifier(NtlmAccounts accounts, NtlmServerConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @Override
    public NtlmVerification verify(NtlmAuthenticateMessage auth, byte[] serverChallenge, byte[] ntlmv2Response) {
        if (ntlmv2Response.length < NtlmV2Response.MIN_LENGTH || serverChallenge.length != 8) {
            return NtlmVerification.failure(NtStatus.LOGON_FAILURE);
        }
        Optional<byte[]> found = accounts.ntHash(auth.domainName(), auth.userName());
        if (found.isEmpty() || found.get().length != 16) {
            return NtlmVerification.failure(NtStatus.LOGON_FAILURE);
        }
        byte[] ntHash = found.get().clone();
        byte[] proof = Arrays.copyOfRange(ntlmv2Response, 0, 16);
        byte[] blob = Arrays.copyOfRange(ntlmv2Response, 16, ntlmv2Response.length);
        Set<String> domains = new LinkedHashSet<>();
        domains.add(auth.domainName());
        domains.add(auth.domainName().toUpperCase(Locale.ROOT));
        domains.add("");
        domains.add(config.netbiosComputer());
        try {
            for (String domain : domains) {
                byte[] key = NtlmCrypto.ntowfv2(ntHash, auth.userName(), domain);
                byte[] expected = NtlmCrypto.ntProofStr(key, serverChallenge, blob);
                if (NtlmCrypto.equal(expected, proof)) {
                    byte[] sessionBaseKey = NtlmCrypto.sessionBaseKey(key, proof);
                    Arrays.fill(key, (byte) 0);
                    return NtlmVerification.success(
                            new AuthenticatedUser(auth.domainName(), auth.userName(), false), sessionBaseKey);
                }
                Arrays.fill(key, (byte) 0);
            }
            return NtlmVerification.failure(NtStatus.LOGON_FAILURE);
        } finally {
            Arrays.fill(ntHash, (byte) 0);
        }
    }
}
