package org.bossa.domain;

import java.util.List;

/**
 * A bounded list of accounts (an enumeration or a group's members), sorted by name.
 *
 * @param accounts at most the cap asked for
 * @param truncated true when the directory holds more than were returned
 */
public record AccountListing(List<DirectoryAccount> accounts, boolean truncated) {
    public AccountListing {
        accounts = List.copyOf(accounts);
    }
}
