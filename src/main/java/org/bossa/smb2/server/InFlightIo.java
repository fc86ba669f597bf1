package org.bossa.smb2.server;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The READ and WRITE requests of one connection that run beside its worker: at most
 * {@link #MAX_IN_FLIGHT} at once (each may hold an 8 MiB buffer), and a barrier the worker passes
 * before any other request, so CLOSE, FLUSH, LOCK, SET_INFO and the rest see every earlier I/O done.
 * A ReentrantLock, not a monitor, so waiting virtual threads unmount.
 */
final class InFlightIo {
    static final int MAX_IN_FLIGHT = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;

    /** Called by the worker before starting one; waits while the bound is reached. */
    void begin() {
        lock.lock();
        try {
            while (inFlight >= MAX_IN_FLIGHT) {
                changed.awaitUninterruptibly();
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no READ or WRITE of this connection is running. */
    void awaitIdle() {
        lock.lock();
        try {
            while (inFlight > 0) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }
}
