package org.bossa.domain;

import org.bossa.domain.locator.DomainController;

/**
 * An authenticated, protected LDAP session on one DC, and the computer-account operations over it.
 * Closing it closes the connection.
 */
public interface DirectorySession extends AutoCloseable {
    /** The DC this session talks to. */
    DomainController dc();

    /** Computer-object operations over this session. */
    ComputerAccounts accounts();

    /** Name-to-SID lookups over this session. */
    DirectoryNames names();

    /** Account lookups (names, SIDs, token groups, members, enumerations) over this session. */
    DirectoryAccounts directoryAccounts();

    /** How the session is protected and who it is bound as, e.g. "SASL GSSAPI, sealed, as administrator@EXAMPLE.TEST". */
    String description();

    @Override
    void close();
}
