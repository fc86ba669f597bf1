package org.bossa.smb2.server;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bossa.smb2.wire.NtStatus;

/** Requests answered STATUS_PENDING and not yet finished, findable by AsyncId or MessageId for CANCEL. */
final class AsyncTable {
    record Pending(long asyncId, long messageId, long sessionId, CompletableFuture<Reply> result) {
    }

    private final Map<Long, Pending> byAsyncId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    Pending add(long messageId, long sessionId, CompletableFuture<Reply> result) {
        Pending p = new Pending(nextId.getAndIncrement(), messageId, sessionId, result);
        byAsyncId.put(p.asyncId(), p);
        return p;
    }

    void remove(long asyncId) {
        byAsyncId.remove(asyncId);
    }

    /** Requests pending now (the pending-async limit). */
    int size() {
        return byAsyncId.size();
    }

    /**
     * CANCEL (MS-SMB2 3.3.5.16): completes the pending request with STATUS_CANCELLED. Only a request
     * of the session the CANCEL names (whose signature was checked) can be cancelled.
     */
    void cancel(long asyncId, long messageId, boolean byAsyncId, long sessionId) {
        for (Pending p : this.byAsyncId.values()) {
            if (p.sessionId() == sessionId && (byAsyncId ? p.asyncId() == asyncId : p.messageId() == messageId)) {
                p.result().complete(Reply.error(NtStatus.CANCELLED));
            }
        }
    }

    /** Ends every request of a session that logged off (or of all sessions: -1). */
    void cancelSession(long sessionId, NtStatus status) {
        for (Pending p : byAsyncId.values()) {
            if (sessionId == -1 || p.sessionId() == sessionId) {
                p.result().complete(Reply.error(status));
            }
        }
    }

    void cancelAll() {
        cancelSession(-1, NtStatus.CANCELLED);
    }
}
