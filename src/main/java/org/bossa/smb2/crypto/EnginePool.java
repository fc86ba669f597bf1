package org.bossa.smb2.crypto;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small lock-free pool of stateful crypto engines (Mac, Cipher, CMac ...), which are not thread-safe.
 *
 * <p>A caller takes an engine, uses it exclusively and gives it back. When the pool is empty a new engine is
 * made; at most {@code maxIdle} engines are kept. No locks are held, so virtual threads never pin or block
 * here. ThreadLocal is not used: with one virtual thread per request it would build an engine per request.
 */
final class EnginePool<T> {

    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Supplier<T> factory;
    private final int maxIdle;

    EnginePool(Supplier<T> factory) {
        this(factory, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    EnginePool(Supplier<T> factory, int maxIdle) {
        this.factory = factory;
        this.maxIdle = maxIdle;
    }

    T take() {
        T engine = idle.poll();
        if (engine == null) {
            return factory.get();
        }
        idleCount.decrementAndGet();
        return engine;
    }

    /** Returns an engine that is in a reusable state; an engine that failed unexpectedly must not come back. */
    void give(T engine) {
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offer(engine);
        } else {
            idleCount.decrementAndGet();
        }
    }
}
