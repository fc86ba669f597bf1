package org.bossa.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bossa.dcerpc.client.RpcClientOptions;
import org.bossa.domain.locator.DomainController;
import org.bossa.domain.locator.LocatorException;
import org.bossa.rpc.netlogon.ChannelParams;
import org.bossa.rpc.netlogon.LogonChannel;
import org.bossa.rpc.netlogon.NetlogonException;
import org.bossa.rpc.netlogon.NetlogonFlags;
import org.bossa.rpc.netlogon.SecureChannel;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's Netlogon secure channel, kept up for logons: made on first use with a DC the
 * locator finds (so a dead DC is passed over for the next that answers), shared by concurrent
 * logons over a small pool of sealed connections, and dropped and made again when a logon finds it
 * broken (the connection failed, a PDU did not verify, the DC denied access).
 *
 * <p>A logon that fails for its own reasons keeps the channel: the DC's verdict on a user
 * (LOGON_FAILURE, NO_SUCH_USER ...) is an answer, not an error, and a fault about the call itself
 * ({@link NetlogonException.Cause#CALL_FAILED}) can be provoked by a client's input, so tearing
 * the shared channel down for it would let one client churn the DC.
 *
 * <p>Attempts to make the channel are rate-limited: at most one per {@code minRetry}, and while
 * the DC keeps failing (a failed set-up, or a channel dropped before any logon went through on it)
 * the gap doubles up to {@code maxRetry}. Meanwhile logons fail at once with the last error (the
 * verifier answers NO_LOGON_SERVERS). The first logon a DC answers brings the gap back to
 * {@code minRetry}.
 */
public final class NetlogonChannels implements AutoCloseable {
    /** The least time between two attempts to set up the channel. */
    public static final Duration RETRY = Duration.ofSeconds(1);
    /** The longest wait between two attempts while the DC keeps failing. */
    public static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(NetlogonChannels.class);

    /** Makes a new channel; the real one locates a DC and runs the Netlogon set-up. */
    @FunctionalInterface
    public interface Opener {
        LogonChannel open() throws NetlogonException;
    }

    /**
     * What testjoin and info show.
     *
     * @param dc the DC of the current channel, empty if none
     * @param negotiatedFlags the NETLOGON_NEG flags of the current channel
     * @param capabilityCheck how the KB5028185 check passed
     * @param establishedAt when the current channel was made
     * @param lastError the last failure, if any
     * @param lastErrorAt when it happened
     */
    public record Status(Optional<String> dc, int negotiatedFlags, String capabilityCheck, Optional<Instant> establishedAt,
            Optional<String> lastError, Optional<Instant> lastErrorAt) {
        /** True if the channel is up with AES and sealing (the only kind this member makes). */
        public boolean aesSealed() {
            return dc.isPresent() && (negotiatedFlags & NetlogonFlags.SUPPORTS_AES) != 0;
        }
    }

    private final Opener opener;
    private final Clock clock;
    private final Duration minRetry;
    private final Duration maxRetry;
    private LogonChannel current;
    private NetlogonException lastFailure;
    private Instant lastFailureAt;
    /** When the channel was last tried, null before the first attempt. */
    private Instant lastAttempt;
    /** Failed set-ups and drops since a DC last answered a logon: the backoff exponent. */
    private int failures;

    public NetlogonChannels(DomainSettings settings, Supplier<DomainMembership> membership, Clock clock,
            int maxConnections) {
        this(new LiveOpener(Objects.requireNonNull(settings), Objects.requireNonNull(membership), maxConnections),
                clock, RETRY, MAX_RETRY);
    }

    public NetlogonChannels(Opener opener, Clock clock, Duration minRetry, Duration maxRetry) {
        this.opener = Objects.requireNonNull(opener);
        this.clock = Objects.requireNonNull(clock);
        if (minRetry.isNegative() || maxRetry.compareTo(minRetry) < 0) {
            throw new IllegalArgumentException("retry " + minRetry + " to " + maxRetry);
        }
        this.minRetry = minRetry;
        this.maxRetry = maxRetry;
    }

    /**
     * NetrLogonSamLogonEx over the secure channel; a channel found broken is made again once, if
     * the rate limit allows.
     *
     * @throws NetlogonException if no DC could be reached, the channel could not be made, or the
     *         DC faulted this call ({@link NetlogonException#breaksChannel()} false)
     */
    public LogonSamLogonEx.Response logon(NetworkLogon logon) throws NetlogonException {
        for (int attempt = 0; ; attempt++) {
            LogonChannel ch = channel();
            try {
                LogonSamLogonEx.Response r = ch.samLogon(logon);
                answered();
                return r;
            } catch (NetlogonException e) {
                if (!e.breaksChannel()) {
                    throw e;
                }
                drop(ch, e);
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** Makes (or returns) the channel now, within the rate limit; for testjoin. */
    public LogonChannel channel() throws NetlogonException {
        synchronized (this) {
            if (current != null) {
                return current;
            }
            Instant now = clock.instant();
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(gap()))) {
                throw lastFailure != null ? lastFailure : new NetlogonException(NetlogonException.Cause.UNREACHABLE,
                        "the secure channel is being retried");
            }
            lastAttempt = now;
            try {
                current = opener.open();
                LOG.info("Netlogon secure channel to {} established: flags {}, {}", LogSafe.quote(current.dcHostName()),
                        NetlogonFlags.hex(current.negotiatedFlags()), current.capabilityCheck());
                lastFailure = null;
                return current;
            } catch (NetlogonException e) {
                lastFailure = e;
                lastFailureAt = now;
                failures++;
                LOG.warn("Netlogon secure channel: {}; next attempt in {} s at the earliest", e.getMessage(),
                        gap().toSeconds());
                throw e;
            }
        }
    }

    public synchronized Status status() {
        Optional<String> err = Optional.ofNullable(lastFailure).map(Throwable::getMessage);
        if (current == null) {
            return new Status(Optional.empty(), 0, "", Optional.empty(), err, Optional.ofNullable(lastFailureAt));
        }
        return new Status(Optional.of(current.dcHostName()), current.negotiatedFlags(), current.capabilityCheck(),
                Optional.of(current.establishedAt()), err, Optional.ofNullable(lastFailureAt));
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** A DC answered a logon: the channel works, so the next failure starts from the shortest gap. */
    private synchronized void answered() {
        failures = 0;
    }

    /** The least time between the last attempt and the next: minRetry, doubled for each failure after the first. */
    private Duration gap() {
        Duration g = minRetry;
        for (int i = 1; i < failures && g.compareTo(maxRetry) < 0; i++) {
            g = g.multipliedBy(2);
        }
        return g.compareTo(maxRetry) > 0 ? maxRetry : g;
    }

    private synchronized void drop(LogonChannel broken, NetlogonException why) {
        if (current == broken) {
            LOG.warn("Netlogon secure channel to {} dropped: {}", LogSafe.quote(broken.dcHostName()), why.getMessage());
            current.close();
            current = null;
            lastFailure = why;
            lastFailureAt = clock.instant();
            failures++;
        }
    }

    /** Locates a DC and sets up a {@link SecureChannel} to it with the membership's current password. */
    private record LiveOpener(DomainSettings settings, Supplier<DomainMembership> membership, int maxConnections)
            implements Opener {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public LogonChannel open() throws NetlogonException {
            return establish();
        }

        private SecureChannel establish() throws NetlogonException {
            DomainMembership m = membership.get();
            DomainController dc;
            try {
                dc = DomainControllers.locate(settings, m.dnsDomain(), EnumSet.noneOf(org.bossa.domain.locator.Requirement.class));
            } catch (LocatorException e) {
                throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "no DC of " + m.dnsDomain() + ": "
                        + e.getMessage(), e);
            }
            ChannelParams params = new ChannelParams(dc.hostName(), dc.address(), m.netbiosDomain(),
                    m.computer().netbiosName(), m.machinePassword(),
                    RpcClientOptions.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(15)), maxConnections);
            return SecureChannel.establish(params, RANDOM);
        }
    }
}
