package org.bossa.smb2.server;

import java.util.concurrent.CompletableFuture;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb2ErrorResponse;
import org.bossa.smb2.wire.WireWriter;

/**
 * What a handler answers: a status and a body encoder, or a pending result for an async reply
 * (MS-SMB2 3.3.4.2: an interim STATUS_PENDING response goes out at once, the final one later).
 */
public record Reply(NtStatus status, Body body, CompletableFuture<Reply> pending, WireWriter message) {

    /** Writes a response body at the writer's position (64: the header is written already). */
    @FunctionalInterface
    public interface Body {
        void encode(WireWriter w);
    }

    public static Reply ok(Body body) {
        return new Reply(NtStatus.SUCCESS, body, null, null);
    }

    public static Reply of(NtStatus status, Body body) {
        return new Reply(status, body, null, null);
    }

    public static Reply error(NtStatus status) {
        return new Reply(status, Smb2ErrorResponse.EMPTY::encode, null, null);
    }

    public static Reply async(CompletableFuture<Reply> result) {
        return new Reply(NtStatus.PENDING, Smb2ErrorResponse.EMPTY::encode, result, null);
    }

    /**
     * A success whose whole message the handler already built (64 header bytes left for the frame
     * processor, then the body): bulk data is written once, where it will be sent from.
     */
    public static Reply prebuilt(WireWriter message) {
        return new Reply(NtStatus.SUCCESS, w -> {
        }, null, message);
    }

    public boolean isAsync() {
        return pending != null;
    }
}
