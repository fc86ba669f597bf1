package org.bossa.app;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.bossa.smb2.server.ServerLimits;

/**
 * {@code bossa.limits.*}: what one client may make the server hold. Defaults (those of
 * {@link ServerLimits#DEFAULTS}) are far above what an office of a thousand users reaches.
 */
public class LimitsProperties {
    private static final ServerLimits D = ServerLimits.DEFAULTS;

    /** TCP connections in all; more are closed at accept. */
    @Min(1)
    private int maxConnections = D.maxConnections();

    /** TCP connections from one client address; more are closed at accept. */
    @Min(1)
    private int maxConnectionsPerAddress = D.maxConnectionsPerAddress();

    /** Sessions per connection, in progress or established (STATUS_INSUFFICIENT_RESOURCES). */
    @Min(1)
    private int maxSessionsPerConnection = D.maxSessionsPerConnection();

    /** Time allowed to finish an authentication; an unfinished one is expired. */
    @NotNull
    private Duration authTimeout = D.authTimeout();

    /** A connection without an established session this long after accept is closed. */
    @NotNull
    private Duration firstSessionTimeout = D.firstSessionTimeout();

    /** A connection without a session that sends nothing for this long is closed. */
    @NotNull
    private Duration sessionlessIdleTimeout = D.sessionlessIdleTimeout();

    /** Opens per session (STATUS_TOO_MANY_OPENED_FILES). */
    @Min(1)
    private int maxOpensPerSession = D.maxOpensPerSession();

    /** Pending CHANGE_NOTIFY and blocking LOCK requests per connection (STATUS_INSUFFICIENT_RESOURCES). */
    @Min(1)
    private int maxPendingAsync = D.maxPendingAsync();

    /** Bytes one named-pipe open may hold unread. */
    @Min(65536)
    private int maxPipeBuffer = D.maxPipeBufferBytes();

    /** Delay before each failed-authentication reply (Windows 11 24H2: 2 s); 0 turns it off. */
    @NotNull
    private Duration failedLogonDelay = D.failedLogonDelay();

    /** Failed-logon replies one client address may have waiting; beyond it the connection is closed. */
    @Min(1)
    private int maxDelayedLogonsPerAddress = D.maxDelayedLogonsPerAddress();

    /** Tree connects of one session (STATUS_INSUFFICIENT_RESOURCES beyond). */
    @Min(1)
    private int maxTreesPerSession = D.maxTreesPerSession();

    @AssertTrue(message = "bossa.limits timeouts must be positive and failed-logon-delay zero or positive")
    public boolean isDurationsValid() {
        return positive(authTimeout) && positive(firstSessionTimeout) && positive(sessionlessIdleTimeout)
                && failedLogonDelay != null && !failedLogonDelay.isNegative();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    ServerLimits toServerLimits() {
        return new ServerLimits(maxConnections, maxConnectionsPerAddress, maxSessionsPerConnection, authTimeout,
                firstSessionTimeout, sessionlessIdleTimeout, maxOpensPerSession, maxPendingAsync, maxPipeBuffer,
                failedLogonDelay, maxDelayedLogonsPerAddress, maxTreesPerSession);
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int v) {
        maxConnections = v;
    }

    public int getMaxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    public void setMaxConnectionsPerAddress(int v) {
        maxConnectionsPerAddress = v;
    }

    public int getMaxSessionsPerConnection() {
        return maxSessionsPerConnection;
    }

    public void setMaxSessionsPerConnection(int v) {
        maxSessionsPerConnection = v;
    }

    public Duration getAuthTimeout() {
        return authTimeout;
    }

    public void setAuthTimeout(Duration v) {
        authTimeout = v;
    }

    public Duration getFirstSessionTimeout() {
        return firstSessionTimeout;
    }

    public void setFirstSessionTimeout(Duration v) {
        firstSessionTimeout = v;
    }

    public Duration getSessionlessIdleTimeout() {
        return sessionlessIdleTimeout;
    }

    public void setSessionlessIdleTimeout(Duration v) {
        sessionlessIdleTimeout = v;
    }

    public int getMaxOpensPerSession() {
        return maxOpensPerSession;
    }

    public void setMaxOpensPerSession(int v) {
        maxOpensPerSession = v;
    }

    public int getMaxPendingAsync() {
        return maxPendingAsync;
    }

    public void setMaxPendingAsync(int v) {
        maxPendingAsync = v;
    }

    public int getMaxPipeBuffer() {
        return maxPipeBuffer;
    }

    public void setMaxPipeBuffer(int v) {
        maxPipeBuffer = v;
    }

    public Duration getFailedLogonDelay() {
        return failedLogonDelay;
    }

    public void setFailedLogonDelay(Duration v) {
        failedLogonDelay = v;
    }

    public int getMaxDelayedLogonsPerAddress() {
        return maxDelayedLogonsPerAddress;
    }

    public void setMaxDelayedLogonsPerAddress(int v) {
        maxDelayedLogonsPerAddress = v;
    }

    public int getMaxTreesPerSession() {
        return maxTreesPerSession;
    }

    public void setMaxTreesPerSession(int v) {
        maxTreesPerSession = v;
    }
}
