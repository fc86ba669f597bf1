package org.bossa.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the directory behind a {@link CachingDirectory} is doing.
 *
 * @param state whether the last lookup that reached out got an answer
 * @param dc the DC that last answered (host name), empty if none yet
 * @param lastError the last failure, one log-safe line, empty if none yet
 * @param lastSuccess when a DC last answered
 * @param lastFailure when a lookup last went unanswered
 */
public record DirectoryHealth(State state, String dc, String lastError, Optional<Instant> lastSuccess,
        Optional<Instant> lastFailure) {

    /** The directory's state as far as this member knows. */
    public enum State {
        /** Nothing asked yet. */
        UNKNOWN,
        /** The last lookup sent to a DC was answered. */
        ONLINE,
        /** The last lookup sent found no DC, or the bind failed: answers come from the cache. */
        OFFLINE
    }

    public DirectoryHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dc, "dc");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    public boolean online() {
        return state == State.ONLINE;
    }

    /** As {@link IdentityService#health()} reports it. */
    public IdentityService.Health toHealth() {
        String detail = switch (state) {
            case ONLINE -> "";
            case UNKNOWN -> "no DC asked yet";
            case OFFLINE -> lastError;
        };
        return new IdentityService.Health(online(), dc, detail);
    }
}
