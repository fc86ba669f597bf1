package org.bossa.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bossa.domain.DirectoryLookupException.Reason;
import org.bossa.dtyp.Sid;

/**
 * The joined domain's directory, asked as this member's machine account: a Kerberos logon with the
 * stored machine password, then the protected LDAP bind {@link DirectoryGroups} makes (sealed SASL
 * GSSAPI by default), through {@link DomainConnector#openDirectory}.
 *
 * <p>Unlike {@link DirectoryGroups} the session is held between lookups (an identity service asks
 * far more often than share access checks do): it is reopened when it is older than
 * {@code maxSessionAge} (well inside a ticket's lifetime, after which a DC may drop the
 * connection), and once, transparently, when the DC has dropped it. Settings and membership are
 * read at each (re)open, so a DC change or a machine password rotation is followed. Lookups are
 * serialised over the one connection, as its SASL layer requires.
 */
public final class MachineAccountDirectory implements AccountDirectory, AutoCloseable {
    /** How long one LDAP session is used before a fresh logon. */
    public static final Duration DEFAULT_MAX_SESSION_AGE = Duration.ofMinutes(30);

    private final DomainConnector net;
    private final Supplier<DomainSettings> settings;
    private final Supplier<DomainMembership> membership;
    private final Clock clock;
    private final Duration maxSessionAge;
    private final ReentrantLock lock = new ReentrantLock();
    private DirectorySession session;
    private DirectoryAccounts accounts;
    private Instant openedAt;
    private volatile String lastDc = "";

    public MachineAccountDirectory(DomainConnector net, Supplier<DomainSettings> settings,
            Supplier<DomainMembership> membership, Clock clock, Duration maxSessionAge) {
        this.net = Objects.requireNonNull(net, "net");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSessionAge.isNegative() || maxSessionAge.isZero()) {
            throw new IllegalArgumentException("maxSessionAge must be positive: " + maxSessionAge);
        }
        this.maxSessionAge = maxSessionAge;
    }

    public MachineAccountDirectory(DomainConnector net, Supplier<DomainSettings> settings,
            Supplier<DomainMembership> membership) {
        this(net, settings, membership, Clock.systemUTC(), DEFAULT_MAX_SESSION_AGE);
    }

    @FunctionalInterface
    private interface Lookup<T> {
        T ask(DirectoryAccounts accounts) throws DirectoryLookupException;
    }

    @Override
    public Optional<DirectoryAccount> byName(String name) throws DirectoryLookupException {
        return call(a -> a.byName(name));
    }

    @Override
    public Optional<DirectoryAccount> bySid(Sid sid) throws DirectoryLookupException {
        return call(a -> a.bySid(sid));
    }

    @Override
    public Optional<DirectoryAccount> byUidNumber(long uid) throws DirectoryLookupException {
        return call(a -> a.byUidNumber(uid));
    }

    @Override
    public Optional<DirectoryAccount> byGidNumber(long gid) throws DirectoryLookupException {
        return call(a -> a.byGidNumber(gid));
    }

    @Override
    public Optional<List<Sid>> tokenGroups(Sid user) throws DirectoryLookupException {
        return call(a -> a.tokenGroups(user));
    }

    @Override
    public Optional<AccountListing> members(Sid group, int cap) throws DirectoryLookupException {
        return call(a -> a.members(group, cap));
    }

    @Override
    public AccountListing users(int cap) throws DirectoryLookupException {
        return call(a -> a.users(cap));
    }

    @Override
    public AccountListing groups(int cap) throws DirectoryLookupException {
        return call(a -> a.groups(cap));
    }

    @Override
    public String lastDc() {
        return lastDc;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeSession();
        } finally {
            lock.unlock();
        }
    }

    private <T> T call(Lookup<T> lookup) throws DirectoryLookupException {
        lock.lock();
        try {
            boolean fresh = ensureOpen();
            try {
                return lookup.ask(accounts);
            } catch (DirectoryLookupException e) {
                if (e.reason() != Reason.DC_UNREACHABLE) {
                    throw e;
                }
                closeSession();
                if (fresh) {
                    throw e;
                }
                // a held connection the DC dropped (idle timeout, ticket expiry, a restart): log on again, once
                ensureOpen();
                try {
                    return lookup.ask(accounts);
                } catch (DirectoryLookupException again) {
                    if (again.reason() == Reason.DC_UNREACHABLE) {
                        closeSession();
                    }
                    throw again;
                }
            } catch (RuntimeException e) {
                // whatever else the SDK threw: an unanswered lookup, never "no such account"
                closeSession();
                throw new DirectoryLookupException(Reason.DC_UNREACHABLE, "LDAP lookup: " + e, e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Opens a session when there is none or it is too old; true if it did. */
    private boolean ensureOpen() throws DirectoryLookupException {
        Instant now = clock.instant();
        if (session != null && now.isBefore(openedAt.plus(maxSessionAge))) {
            return false;
        }
        closeSession();
        DomainMembership m;
        DomainSettings s;
        try {
            m = membership.get();
            s = settings.get();
        } catch (RuntimeException e) {
            throw new DirectoryLookupException(Reason.NOT_CONFIGURED, "domain settings: " + e.getMessage(), e);
        }
        char[] password = m.machinePassword().toCharArray();
        try {
            session = net.openDirectory(s, m.machinePrincipal(), password);
        } catch (DomainException e) {
            throw new DirectoryLookupException(reason(e.failure()), e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DirectoryLookupException(Reason.DC_UNREACHABLE, "LDAP session: " + e, e);
        } finally {
            Arrays.fill(password, '\0');
        }
        accounts = session.directoryAccounts();
        openedAt = now;
        lastDc = session.dc().hostName();
        return true;
    }

    private static Reason reason(DomainException.Cause cause) {
        return switch (cause) {
            case DC_UNREACHABLE -> Reason.DC_UNREACHABLE;
            case CONFIGURATION, NOT_JOINED, LOCAL_STATE -> Reason.NOT_CONFIGURED;
            default -> Reason.BIND_FAILED;
        };
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // closing a connection that is already gone
            }
        }
        session = null;
        accounts = null;
        openedAt = null;
    }
}
