package org.bossa.domain;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.bossa.domain.locator.DomainController;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bossa join}: makes this server a member of the domain the way {@code net ads join} and
 * {@code adcli join} do (MS-ADTS computer objects): find a writable DC, bind to its LDAP as the
 * administrator (Kerberos, sealed), create the computer object with a random 120-character password
 * in one add (or take an existing one over when forced), prove the password with a TGT for
 * {@code NAME$}, write the keytab at the DC's key version, and store the membership.
 *
 * <p>A join that fails removes what it made: the computer object it created, and the keytab it
 * wrote (restoring the one that was there). The membership is stored last, so a failed join
 * leaves no membership behind.
 */
public final class DomainJoin {

    /**
     * What a join did.
     *
     * @param membership the stored membership
     * @param dc the DC used
     * @param tookOver true if an existing account was taken over ({@code --force})
     * @param elapsed how long the join took
     */
    public record Result(DomainMembership membership, DomainController dc, boolean tookOver, Duration elapsed) {
    }

    private final DomainConnector net;
    private final MembershipStore memberships;
    private final Clock clock;

    public DomainJoin(DomainConnector net, MembershipStore memberships, Clock clock) {
        this.net = Objects.requireNonNull(net);
        this.memberships = Objects.requireNonNull(memberships);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Joins with {@code admin}'s credentials ({@code user} or {@code user@REALM}), creating the
     * account in {@code ou} (a DN, relative or absolute) or the domain's Computers container.
     */
    public Result join(DomainSettings s, String admin, char[] adminPassword, Optional<String> ou, boolean force) {
        Instant start = clock.instant();
        Optional<DomainMembership> current = memberships.load();
        if (current.isPresent() && !force) {
            throw new DomainException(DomainException.Cause.ACCOUNT_EXISTS, "already joined to "
                    + current.get().realm() + " as " + current.get().computer().samAccountName()
                    + "; run bossa leave first, or give --force to join again");
        }
        Optional<DN> ouDn = ou.map(DomainJoin::parseOu);
        ComputerName name = s.computer();
        try (DirectorySession dir = net.openDirectory(s, principal(admin, s.realm()), adminPassword)) {
            ComputerAccounts accounts = dir.accounts();
            DirectoryDomain domain = accounts.readDomain();
            checkWorkgroup(s, domain);
            String container = ouDn.map(o -> inDomain(o, domain.domainDn())).orElse(domain.computersContainer());
            Optional<ComputerAccount> existing = accounts.find(domain, name.samAccountName());
            if (existing.isPresent() && !force) {
                throw new DomainException(DomainException.Cause.ACCOUNT_EXISTS, "computer account "
                        + name.samAccountName() + " already exists (" + existing.get().dn()
                        + "); give --force to take it over");
            }
            char[] password = MachinePasswords.generate();
            KeytabBackup keytab = KeytabBackup.of(s.keytab());
            String dn = existing.map(ComputerAccount::dn).orElse(null);
            boolean created = false;
            try {
                if (existing.isPresent()) {
                    accounts.takeOver(existing.get(), name, password, s.encryptionTypes());
                } else {
                    dn = accounts.create(name, container, password, s.encryptionTypes());
                    created = true;
                }
                ComputerAccount account = accounts.read(dn);
                String machine = name.samAccountName() + "@" + s.realm();
                String salt = net.login(s, dir.dc(), machine, password);
                net.writeKeytab(s.keytab(), s, salt, password, account.kvno(), Optional.empty());
                Instant now = clock.instant();
                DomainMembership membership = new DomainMembership(s.realm(), domain.dnsDomain(),
                        domain.netbiosDomain(), domain.domainSid(), name, dn, account.kvno(), s.encryptionTypes(),
                        new String(password), Optional.empty(), s.keytab(), dir.dc().hostName(), dir.dc().dcSite(),
                        now, now);
                memberships.save(membership);
                return new Result(membership, dir.dc(), existing.isPresent(), Duration.between(start, clock.instant()));
            } catch (RuntimeException e) {
                undo(e, accounts, created ? dn : null, keytab);
                throw e;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Removes what a failed join made; a clean-up that fails too is reported with the first error. */
    private static void undo(RuntimeException cause, ComputerAccounts accounts, String createdDn, KeytabBackup keytab) {
        if (createdDn != null) {
            try {
                accounts.delete(createdDn);
            } catch (RuntimeException e) {
                cause.addSuppressed(new DomainException(DomainException.Cause.PROTOCOL,
                        "could not remove the computer object " + createdDn + " it created: " + e.getMessage(), e));
            }
        }
        try {
            keytab.restore();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void checkWorkgroup(DomainSettings s, DirectoryDomain domain) {
        if (s.workgroup().isPresent() && !s.workgroup().get().equalsIgnoreCase(domain.netbiosDomain())) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "workgroup " + s.workgroup().get()
                    + " does not match the domain's NetBIOS name " + domain.netbiosDomain());
        }
        if (!s.dnsDomain().equalsIgnoreCase(domain.dnsDomain())) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "realm " + s.realm()
                    + " does not match the DC's domain " + domain.dnsDomain());
        }
    }

    /** {@code user} becomes {@code user@REALM}; {@code user@realm} keeps its realm, upper-cased. */
    static String principal(String user, String realm) {
        if (user == null || user.isBlank()) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "no administrator named: give -U USER");
        }
        int at = user.lastIndexOf('@');
        int slash = user.indexOf('\\');
        String u = slash >= 0 ? user.substring(slash + 1) : user;
        if (at > 0 && slash < 0) {
            return user.substring(0, at) + "@" + user.substring(at + 1).toUpperCase(Locale.ROOT);
        }
        return u + "@" + realm;
    }

    /** The {@code --ou} DN, checked before anything is asked of the DC. */
    static DN parseOu(String ou) {
        String o = ou.trim();
        if (o.isEmpty()) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "--ou is empty");
        }
        try {
            return new DN(o);
        } catch (LDAPException e) {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "--ou '" + o
                    + "' is not a distinguished name: " + e.getExceptionMessage(), e);
        }
    }

    /** An OU given relative to the domain ({@code OU=Servers}) gets the domain DN appended. */
    static String inDomain(DN ou, String domainDn) {
        try {
            return ou.isDescendantOf(new DN(domainDn), true) ? ou.toString() : ou + "," + domainDn;
        } catch (LDAPException e) {
            throw new DomainException(DomainException.Cause.PROTOCOL, "the DC's domain DN '" + domainDn
                    + "' is malformed: " + e.getExceptionMessage(), e);
        }
    }

    /** The keytab as it was before the join, to put back if the join fails. */
    record KeytabBackup(Path path, Optional<byte[]> before) {
        static KeytabBackup of(Path path) {
            try {
                return new KeytabBackup(path, java.nio.file.Files.exists(path)
                        ? Optional.of(java.nio.file.Files.readAllBytes(path)) : Optional.empty());
            } catch (java.io.IOException e) {
                throw new DomainException(DomainException.Cause.LOCAL_STATE, "cannot read the keytab " + path
                        + ": " + e.getMessage(), e);
            }
        }

        void restore() {
            try {
                if (before.isEmpty()) {
                    java.nio.file.Files.deleteIfExists(path);
                } else {
                    SecretFiles.write(path, before.get());
                }
            } catch (java.io.IOException e) {
                throw new DomainException(DomainException.Cause.LOCAL_STATE, "could not restore the keytab "
                        + path + ": " + e.getMessage(), e);
            }
        }
    }
}
