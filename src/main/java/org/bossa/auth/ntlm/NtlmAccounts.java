package org.bossa.auth.ntlm;

import java.util.Optional;

/** The local account store as NTLM needs it. */
public interface NtlmAccounts {

    /**
     * The NT hash (MD4 of the UTF-16LE password) of a local user. Implementations compare user names
     * case-insensitively; the domain is passed as the client sent it and may be ignored for local accounts.
     *
     * @return the 16-byte hash, or empty if there is no such (enabled) user
     */
    Optional<byte[]> ntHash(String domain, String user);
}
