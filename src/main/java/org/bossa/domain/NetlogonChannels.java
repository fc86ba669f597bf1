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
import org.bossa.rpc.netlogon.NetlogonException;
import org.bossa.rpc.netlogon.NetlogonFlags;
import org.bossa.rpc.netlogon.SecureChannel;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's Netlogon secure channel, kept up for logons: made on first use with a DC the
 * locator finds (so a dead DC is passed over for the next that answers), shared by concurrent
 * logons over a small pool of sealed connections, and dropped and made again when a logon finds it
 * broken (the DC restarted, the connection was reset, the DC denied access). While no DC can be
 * reached, a new attempt is made at most once a {@link #RETRY} so a dead DC is not hammered, and
 * logons fail at once with the last error; the first logon after the DC's return within that
 * interval brings the channel back.
 */
public final class NetlogonChannels implements AutoCloseable {
    /** The least time between two attempts to set up the channel after a failure. */
    public static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(NetlogonChannels.class);

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

    private final DomainSettings settings;
    private final Supplier<DomainMembership> membership;
    private final Clock clock;
    private final int maxConnections;
    private final SecureRandom random = new SecureRandom();
    private SecureChannel current;
    private NetlogonException lastFailure;
    private Instant lastFailureAt;
    private Instant nextAttempt = Instant.MIN;

    public NetlogonChannels(DomainSettings settings, Supplier<DomainMembership> membership, Clock clock,
            int maxConnections) {
        this.settings = Objects.requireNonNull(settings);
        this.membership = Objects.requireNonNull(membership);
        this.clock = Objects.requireNonNull(clock);
        this.maxConnections = maxConnections;
    }

    /**
     * NetrLogonSamLogonEx over the secure channel; a channel found broken is made again once.
     *
     * @throws NetlogonException if no DC could be reached or the channel could not be made
     */
    public LogonSamLogonEx.Response logon(NetworkLogon logon) throws NetlogonException {
        for (int attempt = 0; ; attempt++) {
            SecureChannel ch = channel();
            try {
                return ch.samLogon(logon);
            } catch (NetlogonException e) {
                drop(ch, e);
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** Makes (or returns) the channel now; for testjoin. */
    public SecureChannel channel() throws NetlogonException {
        synchronized (this) {
            if (current != null) {
                return current;
            }
            Instant now = clock.instant();
            if (lastFailure != null && now.isBefore(nextAttempt)) {
                throw lastFailure;
            }
            try {
                current = establish();
                LOG.info("Netlogon secure channel to {} established: flags {}, {}", current.dcHostName(),
                        NetlogonFlags.hex(current.negotiatedFlags()), current.capabilityCheck());
                lastFailure = null;
                return current;
            } catch (NetlogonException e) {
                lastFailure = e;
                lastFailureAt = now;
                nextAttempt = now.plus(RETRY);
                LOG.warn("Netlogon secure channel: {}", e.getMessage());
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

    private synchronized void drop(SecureChannel broken, NetlogonException why) {
        if (current == broken) {
            LOG.warn("Netlogon secure channel to {} dropped: {}", broken.dcHostName(), why.getMessage());
            current.close();
            current = null;
            lastFailure = why;
            lastFailureAt = clock.instant();
        }
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
        return SecureChannel.establish(params, random);
    }
}
