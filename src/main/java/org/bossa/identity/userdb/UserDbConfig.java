package org.bossa.identity.userdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the userdb varlink service listens.
 *
 * @param socketPath the socket; systemd finds services as sockets in /run/systemd/userdb/, and the
 *     socket's file name is the service name callers must pass as {@code service}
 * @param maxConnections connections served at once; further ones are accepted and closed at once
 * @param maxMessageBytes the longest call accepted (a longer one closes its connection)
 * @param idleTimeout a connection with no complete call for this long is closed, so idle clients
 *     cannot hold every connection slot
 * @param enumerationLimit the most users or groups one enumeration lists; 0 refuses enumeration
 */
public record UserDbConfig(Path socketPath, int maxConnections, int maxMessageBytes, Duration idleTimeout,
        int enumerationLimit) {

    /** Where Bossa's service lives by default: /run/systemd/userdb/org.bossa.identity. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/systemd/userdb/org.bossa.identity");

    public UserDbConfig {
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (socketPath.getFileName() == null) {
            throw new IllegalArgumentException("socketPath needs a file name (the service name)");
        }
        if (maxConnections < 1 || maxMessageBytes < 256 || idleTimeout.isNegative() || idleTimeout.isZero()
                || enumerationLimit < 0) {
            throw new IllegalArgumentException("userdb limits out of range");
        }
    }

    /** Defaults: 64 connections, 64 KiB per call, 60 s idle, enumeration of up to 10000 entries. */
    public static UserDbConfig defaults(Path socketPath) {
        return new UserDbConfig(socketPath, 64, 64 * 1024, Duration.ofSeconds(60), 10_000);
    }

    /** The service name: the socket's file name ("org.bossa.identity"). */
    public String serviceName() {
        return socketPath.getFileName().toString();
    }
}
