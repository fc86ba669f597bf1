package org.bossa.domain;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bossa changetrustpw}: sets a new random machine password with the machine's own
 * credentials (Kerberos change-password, RFC 3244), then stores it (keeping the previous one) and
 * rewrites the keytab with the new key version while keeping the previous version's keys, so
 * tickets clients already hold keep working.
 *
 * <p>Once the DC has accepted the new password it is stored before anything else: losing it would
 * lose the account.
 */
public final class TrustPasswordChange {
    private final DomainConnector net;
    private final MembershipStore memberships;
    private final Clock clock;

    public TrustPasswordChange(DomainConnector net, MembershipStore memberships, Clock clock) {
        this.net = Objects.requireNonNull(net);
        this.memberships = Objects.requireNonNull(memberships);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Changes the password; returns the updated membership. */
    public DomainMembership change(DomainSettings s, DomainMembership m) {
        String machine = m.machinePrincipal();
        char[] current = m.machinePassword().toCharArray();
        char[] next = MachinePasswords.generate();
        try (DirectorySession dir = net.openDirectory(s, machine, current)) {
            net.changeOwnPassword(s, dir.dc(), machine, current, next);
            DomainMembership changed = m.withNewPassword(new String(next), m.kvno() + 1, dir.dc().hostName(),
                    dir.dc().dcSite(), clock.instant());
            memberships.save(changed);
            int kvno;
            try {
                kvno = dir.accounts().read(m.computerDn()).kvno();
            } catch (DomainException e) {
                kvno = m.kvno() + 1;
            }
            if (kvno != changed.kvno()) {
                changed = changed.withKvno(kvno);
                memberships.save(changed);
            }
            try {
                String salt = net.login(s, dir.dc(), machine, next);
                net.writeKeytab(m.keytab(), s, salt, next, kvno,
                        Optional.of(new DomainConnector.PreviousKey(salt, current, m.kvno())));
            } catch (DomainException e) {
                throw new DomainException(e.failure(), "the new password is set and stored, but the keytab was not "
                        + "rewritten: " + e.getMessage() + "; run bossa changetrustpw again", e);
            }
            return changed;
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }
}
