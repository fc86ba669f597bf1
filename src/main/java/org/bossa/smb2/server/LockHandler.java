package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bossa.locking.ByteRangeLocks;
import org.bossa.locking.OpenOwner;
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
        OpenOwner id = open.owner();
        if ((els.getFirst().flags() & LockElement.FLAG_UNLOCK) != 0) {
            return unlockAll(locks, id, els);
        }
        if (ctx.session.expired()) {
            // MS-SMB2 3.3.5.2.9: an expired session may still release its locks, not take new ones
            return Reply.error(NtStatus.NETWORK_SESSION_EXPIRED);
        }
        if (els.size() == 1 && (els.getFirst().flags() & LockElement.FLAG_FAIL_IMMEDIATELY) == 0) {
            LockElement e = els.getFirst();
            NtStatus bad = checkLock(e, true);
            return bad != null ? Reply.error(bad) : blocking(locks, lock(id, e));
        }
        // MS-SMB2 3.3.5.14.2: in order, all or nothing; the request's own locks are rolled back.
        List<LockElement> taken = new ArrayList<>();
        for (LockElement e : els) {
            NtStatus st = checkLock(e, false);
            if (st == null) {
                st = locks.tryLock(lock(id, e));
            }
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

    /**
     * MS-SMB2 3.3.5.14.1: unlocks in order; the first failure ends the request (earlier unlocks stay
     * done); a lock element among unlocks is INVALID_PARAMETER. FAIL_IMMEDIATELY means nothing here.
     */
    private static Reply unlockAll(ByteRangeLocks locks, OpenOwner id, List<LockElement> els) {
        for (LockElement e : els) {
            if ((e.flags() & ~LockElement.FLAG_FAIL_IMMEDIATELY) != LockElement.FLAG_UNLOCK) {
                return Reply.error(NtStatus.INVALID_PARAMETER);
            }
            NtStatus st = locks.unlock(id, e.offset(), e.length());
            if (st != NtStatus.SUCCESS) {
                return Reply.error(st);
            }
        }
        return Reply.ok(LockResponse.INSTANCE::encode);
    }

    /** Null when a lock element is well formed; else its status. Several locks must all fail immediately. */
    private static NtStatus checkLock(LockElement e, boolean single) {
        int type = e.flags() & LOCK_TYPE_MASK;
        if (type != LockElement.FLAG_SHARED_LOCK && type != LockElement.FLAG_EXCLUSIVE_LOCK) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (!single && (e.flags() & LockElement.FLAG_FAIL_IMMEDIATELY) == 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        return ByteRangeLocks.validRange(e.offset(), e.length()) ? null : NtStatus.INVALID_LOCK_RANGE;
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

    private static ByteRangeLocks.Lock lock(OpenOwner owner, LockElement e) {
        return new ByteRangeLocks.Lock(owner, e.offset(), e.length(),
                (e.flags() & LockElement.FLAG_EXCLUSIVE_LOCK) != 0);
    }
}
