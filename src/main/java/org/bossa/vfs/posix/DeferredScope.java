package org.bossa.vfs.posix;

import org.bossa.vfs.IdentityScope;

/**
 * A request-long identity scope that switches lazily: nothing happens when it is opened; the first
 * VFS call made inside it switches the thread (a {@link CredentialScope}) and leaves it switched,
 * so later calls of the request switch nothing more; closing it switches back if a switch happened.
 *
 * <p>Why lazy: a switch and its restore cost about 10 us of kernel work (six credential changes), and
 * many requests make no file call that needs the user's credentials at all (a CLOSE only closes a
 * descriptor, an ECHO-like request touches no file). Eager request scopes would charge those too.
 */
final class DeferredScope implements IdentityScope {

    /** The deferred scope open on this thread, if any. */
    private static final ThreadLocal<DeferredScope> OPEN = new ThreadLocal<>();

    private final ThreadCredentials creds;
    private final Thread thread;
    private CredentialScope switched;

    private DeferredScope(ThreadCredentials creds) {
        this.creds = creds;
        this.thread = Thread.currentThread();
    }

    /**
     * Opens a deferred scope for {@code c} on this thread. Inside a scope of the same identity
     * (deferred or switched) it is a no-op; inside one of another identity it is a programming error.
     */
    static IdentityScope open(ThreadCredentials c) {
        if (c.isServer()) {
            return CredentialScope.none();
        }
        DeferredScope outer = OPEN.get();
        if (outer != null || CredentialScope.active() != null) {
            ThreadCredentials held = outer != null ? outer.creds : CredentialScope.active();
            if (held.identity().equals(c.identity())) {
                return CredentialScope.none();
            }
            throw new IllegalStateException("identity scope for " + c + " inside a scope of " + held);
        }
        DeferredScope d = new DeferredScope(c);
        OPEN.set(d);
        return d;
    }

    /**
     * Called by {@link CredentialScope#enter} when no switch is active: if a deferred scope is open
     * on this thread, switches to its identity now (the call must be of the same identity) and
     * returns true, the switch then belonging to the deferred scope; false when none is open.
     */
    static boolean claim(ThreadCredentials c) {
        DeferredScope d = OPEN.get();
        if (d == null) {
            return false;
        }
        if (!d.creds.identity().equals(c.identity())) {
            throw new IllegalStateException("credential switch to " + c + " inside a request scope of " + d.creds);
        }
        if (d.switched == null) {
            d.switched = CredentialScope.switchTo(c);
        }
        return true;
    }

    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("request scope of " + thread + " closed on another thread");
        }
        if (OPEN.get() != this) {
            return; // already closed
        }
        OPEN.remove();
        if (switched != null) {
            switched.close();
            switched = null;
        }
    }
}
