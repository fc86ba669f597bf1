package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bossa.locking.ByteRangeLocks;
import org.bossa.smb2.wire.LockElement;
import org.bossa.smb2.wire.LockRequest;
import org.bossa.smb2.wire.LockResponse;
import org.bossa.smb2.wire.NtStatus;

/**
 * LOCK (MS-SMB2 3.3.5.14): unlock a list, take a list atomically with FAIL_IMMEDIATELY, or wait for
 * one lock asynchronously (interim STATUS_PENDING, cancellable).
 */
final class LockHandler implements Handler {
    private static final int LOCK_TYPE_MASK = LockElement.FLAG_SHARED_LOCK | LockElement.FLAG_EXCLUSIVE_LOCK
            | LockElement.FLAG_UNLOCK;

    @Override
    public Reply handle(RequestContext ctx) {
        LockRequest req = LockRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if (open.isPipe() || open.fileState() == null) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        ByteRangeLocks locks = open.fileState().locks();
        List<LockElement> els = req.locks();
        boolean unlock = (els.getFirst().flags() & LockElement.FLAG_UNLOCK) != 0;
        for (LockElement e : els) {
            int type = e.flags() & LOCK_TYPE_MASK;
            boolean valid = unlock ? e.flags() == LockElement.FLAG_UNLOCK
                    : (type == LockElement.FLAG_SHARED_LOCK || type == LockElement.FLAG_EXCLUSIVE_LOCK)
                    && (els.size() == 1 || (e.flags() & LockElement.FLAG_FAIL_IMMEDIATELY) != 0);
            if (!valid) {
                return Reply.error(NtStatus.INVALID_PARAMETER);
            }
            if (!ByteRangeLocks.validRange(e.offset(), e.length())) {
                return Reply.error(NtStatus.INVALID_LOCK_RANGE);
            }
        }
        long id = open.volatileId();
        if (unlock) {
            for (LockElement e : els) {
                NtStatus st = locks.unlock(id, e.offset(), e.length());
                if (st != NtStatus.SUCCESS) {
                    return Reply.error(st);
                }
            }
            return Reply.ok(LockResponse.INSTANCE::encode);
        }
        if (els.size() == 1 && (els.getFirst().flags() & LockElement.FLAG_FAIL_IMMEDIATELY) == 0) {
            return blocking(locks, lock(id, els.getFirst()));
        }
        List<LockElement> taken = new ArrayList<>();
        for (LockElement e : els) {
            NtStatus st = locks.tryLock(lock(id, e));
            if (st != NtStatus.SUCCESS) {
                for (LockElement t : taken) {
                    locks.unlock(id, t.offset(), t.length());
                }
                return Reply.error(st);
            }
            taken.add(e);
        }
        return Reply.ok(LockResponse.INSTANCE::encode);
    }

    private static Reply blocking(ByteRangeLocks locks, ByteRangeLocks.Lock l) {
        CompletableFuture<NtStatus> granted = locks.lockWhenFree(l);
        if (granted.isDone()) {
            return Reply.ok(LockResponse.INSTANCE::encode);
        }
        CompletableFuture<Reply> reply = granted.thenApply(st -> st == NtStatus.SUCCESS
                ? Reply.ok(LockResponse.INSTANCE::encode) : Reply.error(st));
        // A CANCEL (or the connection closing) completes the reply first: withdraw the waiter then.
        reply.whenComplete((r, e) -> granted.complete(NtStatus.CANCELLED));
        return Reply.async(reply);
    }

    private static ByteRangeLocks.Lock lock(long openId, LockElement e) {
        return new ByteRangeLocks.Lock(openId, e.offset(), e.length(),
                (e.flags() & LockElement.FLAG_EXCLUSIVE_LOCK) != 0);
    }
}
