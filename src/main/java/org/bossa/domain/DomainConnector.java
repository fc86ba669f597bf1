package org.bossa.domain;

import org.bossa.domain.locator.DomainController;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the domain operations need from the network: a DC, Kerberos, LDAP and the keytab. One
 * implementation talks to real DCs ({@code LiveDomainConnector}); the operations' own logic
 * (ordering, clean-up on failure) stays in {@link DomainJoin}, {@link DomainLeave},
 * {@link JoinCheck} and {@link TrustPasswordChange}.
 */
public interface DomainConnector {

    /**
     * Finds a writable DC for {@code settings} and opens a protected LDAP session authenticated as
     * {@code principal} ({@code user@REALM}) with {@code password}.
     */
    DirectorySession openDirectory(DomainSettings settings, String principal, char[] password);

    /**
     * Proves {@code principal}'s password with a Kerberos AS exchange (a TGT) on {@code dc} and
     * returns the salt the KDC uses for its AES keys.
     */
    String login(DomainSettings settings, DomainController dc, String principal, char[] password);

    /**
     * Writes the machine's keys for {@code kvno} into the keytab at {@code keytab} for
     * {@code NAME$} and every SPN, keeping {@code previous} keys (password and kvno) when given and
     * dropping anything older.
     */
    void writeKeytab(Path keytab, DomainSettings settings, String salt, char[] password, int kvno,
            Optional<PreviousKey> previous);

    /**
     * Changes the machine's own password with Kerberos change-password (RFC 3244), authenticated
     * by the current password.
     */
    void changeOwnPassword(DomainSettings settings, DomainController dc, String principal, char[] current,
            char[] next);

    /** The newest key version the keytab holds for {@code principal}; empty if none or no keytab. */
    java.util.OptionalInt newestKvno(Path keytab, String principal);

    /**
     * Sets up a Netlogon secure channel with the stored machine password and describes it (DC,
     * negotiated flags, AES, sealing, how the capability check passed), then closes it.
     */
    String secureChannel(DomainSettings settings, DomainMembership membership);

    /** A previous password and its key version, kept in the keytab after a change. */
    record PreviousKey(String salt, char[] password, int kvno) {
    }
}
