package org.bossa.smb2.server;

import java.time.Duration;

/**
 * What one client may make the server hold, each refused with the NT status the protocol gives for
 * it (or a closed connection where there is none). The defaults are far above what an office of a
 * thousand users reaches; they exist so one hostile client cannot exhaust memory, descriptors or
 * threads.
 *
 * @param maxConnections TCP connections in all; more are closed at accept
 * @param maxConnectionsPerAddress TCP connections from one client IP address; more are closed at accept
 * @param maxSessionsPerConnection sessions of one connection, in progress or valid
 *        (each in-progress NTLM exchange keeps its NEGOTIATE): STATUS_INSUFFICIENT_RESOURCES
 * @param authTimeout an in-progress authentication not finished within this is expired
 * @param firstSessionTimeout a connection without a valid session this long after accept is closed
 * @param sessionlessIdleTimeout a connection with no session that sent nothing for this long is closed
 * @param maxOpensPerSession opens of one session: STATUS_TOO_MANY_OPENED_FILES (MS-SMB2 3.3.5.9)
 * @param maxPendingAsync requests answered STATUS_PENDING and not finished (CHANGE_NOTIFY, blocking
 *        LOCK) per connection: STATUS_INSUFFICIENT_RESOURCES
 * @param maxPipeBufferBytes bytes one named-pipe open may hold unread (input and output)
 * @param failedLogonDelay delay before each failed-authentication reply (Windows 11 24H2: 2 s); zero: none
 * @param maxDelayedLogonsPerAddress failed-logon replies one client address may have waiting; beyond
 *        it the connection is closed
 * @param maxTreesPerSession tree connects of one session: STATUS_INSUFFICIENT_RESOURCES (MS-SMB2 3.3.5.7)
 */
public record ServerLimits(int maxConnections, int maxConnectionsPerAddress, int maxSessionsPerConnection,
                           Duration authTimeout, Duration firstSessionTimeout, Duration sessionlessIdleTimeout,
                           int maxOpensPerSession, int maxPendingAsync, int maxPipeBufferBytes,
                           Duration failedLogonDelay, int maxDelayedLogonsPerAddress, int maxTreesPerSession) {

    public static final ServerLimits DEFAULTS = new ServerLimits(4096, 256, 64, Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofMinutes(10), 16384, 4096, 1024 * 1024, Duration.ofSeconds(2), 64, 1024);

    public ServerLimits {
        positive("maxConnections", maxConnections);
        positive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        positive("maxSessionsPerConnection", maxSessionsPerConnection);
        positive("maxOpensPerSession", maxOpensPerSession);
        positive("maxPendingAsync", maxPendingAsync);
        positive("maxDelayedLogonsPerAddress", maxDelayedLogonsPerAddress);
        positive("maxTreesPerSession", maxTreesPerSession);
        if (maxPipeBufferBytes < 64 * 1024) {
            // A DCE/RPC fragment may be 64 KiB; a smaller buffer could not hold one request.
            throw new IllegalArgumentException("maxPipeBufferBytes must be at least 65536");
        }
        longerThanZero("authTimeout", authTimeout);
        longerThanZero("firstSessionTimeout", firstSessionTimeout);
        longerThanZero("sessionlessIdleTimeout", sessionlessIdleTimeout);
        if (failedLogonDelay == null || failedLogonDelay.isNegative()) {
            throw new IllegalArgumentException("failedLogonDelay must be zero or positive");
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    private static void longerThanZero(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
