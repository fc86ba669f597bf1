package org.bossa.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bossa leave}: deletes this member's computer account (or, keeping it, disables it), then
 * the keytab and the stored membership. The local state goes only after the directory has done its
 * part, so a refused leave can be retried.
 */
public final class DomainLeave {

    /** What happened to the account: deleted, disabled, or already gone. */
    public enum Outcome { DELETED, DISABLED, ALREADY_GONE }

    private final DomainConnector net;
    private final MembershipStore memberships;

    public DomainLeave(DomainConnector net, MembershipStore memberships) {
        this.net = Objects.requireNonNull(net);
        this.memberships = Objects.requireNonNull(memberships);
    }

    public Outcome leave(DomainSettings s, DomainMembership m, String admin, char[] adminPassword, boolean keepAccount) {
        Outcome outcome;
        try (DirectorySession dir = net.openDirectory(s, DomainJoin.principal(admin, m.realm()), adminPassword)) {
            ComputerAccounts accounts = dir.accounts();
            DirectoryDomain domain = accounts.readDomain();
            Optional<ComputerAccount> account = accounts.find(domain, m.computer().samAccountName());
            if (account.isEmpty()) {
                outcome = Outcome.ALREADY_GONE;
            } else if (keepAccount) {
                accounts.disable(account.get());
                outcome = Outcome.DISABLED;
            } else {
                accounts.delete(account.get().dn());
                outcome = Outcome.DELETED;
            }
        }
        try {
            Files.deleteIfExists(m.keytab());
        } catch (IOException e) {
            throw new DomainException(DomainException.Cause.LOCAL_STATE, "account " + outcome.name().toLowerCase()
                    + " but the keytab " + m.keytab() + " could not be deleted: " + e.getMessage(), e);
        }
        memberships.delete();
        return outcome;
    }
}
