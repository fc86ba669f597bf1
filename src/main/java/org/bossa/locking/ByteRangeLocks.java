package org.bossa.locking;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bossa.smb2.wire.NtStatus;

/**
 * Byte-range locks on one file (MS-FSA 2.1.5.7), Windows semantics: an exclusive lock excludes
 * every other open's reads and writes, a shared lock excludes writes (also the holder's own).
 * Blocking requests wait in a queue and are retried whenever a lock is released.
 */
public final class ByteRangeLocks {
    /**
     * One granted lock. A held zero-length lock covers no byte; a zero-length request touches a lock
     * whose range contains its offset. {@code owner} is compared by identity (see {@link OpenOwner}).
     */
    public record Lock(OpenOwner owner, long offset, long length, boolean exclusive) {
        boolean overlaps(long off, long len) {
            if (length == 0) {
                return false;
            }
            long end = offset + length - 1;
            if (len == 0) {
                return Long.compareUnsigned(offset, off) <= 0 && Long.compareUnsigned(off, end) <= 0;
            }
            long oEnd = off + len - 1;
            return Long.compareUnsigned(offset, oEnd) <= 0 && Long.compareUnsigned(off, end) <= 0;
        }
    }

    private record Waiter(Lock wanted, CompletableFuture<NtStatus> result) {
    }

    private final List<Lock> locks = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    /** True when offset+length does not wrap past 2^64 (MS-FSA: such ranges are invalid). */
    public static boolean validRange(long offset, long length) {
        return length == 0 || Long.compareUnsigned(offset + length - 1, offset) >= 0;
    }

    /** Tries to take a lock now: SUCCESS or LOCK_NOT_GRANTED. */
    public synchronized NtStatus tryLock(Lock l) {
        if (conflict(l)) {
            return NtStatus.LOCK_NOT_GRANTED;
        }
        locks.add(l);
        return NtStatus.SUCCESS;
    }

    /** Takes the lock when it becomes free; the future completes with SUCCESS, or CANCELLED when cancelled. */
    public synchronized CompletableFuture<NtStatus> lockWhenFree(Lock l) {
        CompletableFuture<NtStatus> f = new CompletableFuture<>();
        if (!conflict(l)) {
            locks.add(l);
            f.complete(NtStatus.SUCCESS);
            return f;
        }
        waiters.add(new Waiter(l, f));
        f.whenComplete((st, e) -> dropWaiter(f));
        return f;
    }

    private synchronized void dropWaiter(CompletableFuture<NtStatus> f) {
        waiters.removeIf(w -> w.result() == f);
    }

    /** Removes exactly this range of this open; RANGE_NOT_LOCKED when it does not exist. */
    public NtStatus unlock(OpenOwner owner, long offset, long length) {
        List<Waiter> wake;
        synchronized (this) {
            Iterator<Lock> it = locks.iterator();
            boolean found = false;
            while (it.hasNext()) {
                Lock l = it.next();
                if (l.owner() == owner && l.offset() == offset && l.length() == length) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return NtStatus.RANGE_NOT_LOCKED;
            }
            wake = grantWaiters();
        }
        wake.forEach(w -> w.result().complete(NtStatus.SUCCESS));
        return NtStatus.SUCCESS;
    }

    /**
     * Drops every lock of a closing open and cancels its waiting requests. Futures are completed
     * after the monitor is left: their callbacks (dropWaiter, the LOCK reply) must not run inside
     * this method's iteration of {@code waiters}.
     */
    void releaseAll(OpenOwner owner) {
        List<Waiter> cancelled = new ArrayList<>();
        List<Waiter> wake;
        synchronized (this) {
            locks.removeIf(l -> l.owner() == owner);
            waiters.removeIf(w -> w.wanted().owner() == owner && cancelled.add(w));
            wake = grantWaiters();
        }
        cancelled.forEach(w -> w.result().complete(NtStatus.CANCELLED));
        wake.forEach(w -> w.result().complete(NtStatus.SUCCESS));
    }

    private List<Waiter> grantWaiters() {
        List<Waiter> granted = new ArrayList<>();
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter w = it.next();
            if (w.result().isDone()) {
                it.remove();
            } else if (!conflict(w.wanted())) {
                locks.add(w.wanted());
                granted.add(w);
                it.remove();
            }
        }
        return granted;
    }

    /** May {@code owner} read (write=false) or write this range? (MS-FSA 2.1.4.10) */
    public synchronized boolean accessAllowed(OpenOwner owner, long offset, long length, boolean write) {
        if (length == 0) {
            return true; // a zero-byte read or write touches no locked byte
        }
        for (Lock l : locks) {
            if (!l.overlaps(offset, length)) {
                continue;
            }
            if (l.exclusive() && l.owner() != owner) {
                return false;
            }
            if (!l.exclusive() && write) {
                return false;
            }
        }
        return true;
    }

    /**
     * Windows stacking rules (smbtorture smb2.lock.stacking): an exclusive request conflicts with any
     * overlapping lock, even the same open's; a shared request conflicts only with another open's
     * exclusive lock, so an open may stack shared locks on its own exclusive one.
     */
    private boolean conflict(Lock want) {
        for (Lock l : locks) {
            if (!l.overlaps(want.offset(), want.length())) {
                continue;
            }
            if (want.exclusive() || l.exclusive() && l.owner() != want.owner()) {
                return true;
            }
        }
        return false;
    }

    public synchronized boolean isEmpty() {
        return locks.isEmpty();
    }
}
