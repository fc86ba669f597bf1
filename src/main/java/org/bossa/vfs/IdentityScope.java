package org.bossa.vfs;

/**
 * The calling thread switched to a view's {@link FsIdentity} until {@link #close}: see
 * {@link ShareRoot#enter()}. Closing it switches back; it must be closed by the thread that entered
 * it, exactly once (try-with-resources).
 */
public interface IdentityScope extends AutoCloseable {

    @Override
    void close();
}
