package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.IdentityScope;
import org.bossa.vfs.VfsException;

/**
 * Runs the calling thread with a user's credentials for the length of one VFS call, the way Samba's
 * become_user does, so the kernel checks the user and not root:
 *
 * <pre>{@code
 * try (CredentialScope s = CredentialScope.enter(creds)) {
 *     ... system calls, made as creds ...
 * } // back to root here, whatever happened
 * }</pre>
 *
 * <p><b>Per thread, raw system calls.</b> Linux keeps credentials per kernel thread. glibc's
 * setgroups/setresuid wrappers make them per process again (they signal every thread to make the
 * same change, as POSIX wants), which would switch every request at once; so the switch calls
 * syscall(2) directly: setgroups(list), setresgid(-1, gid, -1), setresuid(-1, uid, -1). Changing
 * the effective uid away from 0 empties the effective capability set, so CAP_DAC_OVERRIDE,
 * CAP_FOWNER, CAP_SYS_RESOURCE and the rest no longer bypass the kernel's checks (mode bits, ACLs,
 * sticky bit, search permission, quotas, root-reserved blocks). Real and saved uid stay 0, so
 * setresuid(-1, 0, -1) gets back (the capabilities return with euid 0), then setresgid and
 * setgroups restore the process's own group and groups, captured once at startup.
 *
 * <p><b>Virtual threads.</b> A virtual thread may move to another carrier whenever it parks, and
 * the credentials belong to the carrier. A switched virtual thread is therefore pinned
 * ({@code jdk.internal.vm.Continuation.pin()}, reachable with
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}): a park inside the scope blocks the
 * carrier instead of unmounting, so no other virtual thread ever runs on a switched carrier and
 * the restore runs on the kernel thread that was switched. Without the export a switch from a
 * virtual thread fails with ACCESS_DENIED instead of running the call as root.
 *
 * <p><b>Failures.</b> A failed switch undoes the steps already done and fails the call with
 * ACCESS_DENIED; the call never runs as root instead. A failed restore leaves the thread with
 * unknown credentials (a user's, possibly), and every later request the thread serves would run
 * with them, so the process logs and halts: a crash is better than one user acting as another.
 *
 * <p>Scopes nest for the same credentials (an inner scope is a no-op, e.g. a case-insensitive
 * lookup listing a directory inside a resolve); a scope for other credentials inside a switched
 * one is a programming error (IllegalStateException). Not root: nothing is switched and calls run
 * as the process's own user ({@link FsIdentity.Switching#NOT_ROOT}).
 */
public final class CredentialScope implements IdentityScope {

    private static final System.Logger LOG = System.getLogger(CredentialScope.class.getName());

    /** Returned when nothing is switched (server credentials, not root, or nested). */
    private static final CredentialScope NONE = new CredentialScope(null, false, null);

    /** The credentials this thread is switched to, or null (an inner enter must know). */
    private static final ThreadLocal<ThreadCredentials> ACTIVE = new ThreadLocal<>();

    private static final MethodHandle PIN;
    private static final MethodHandle UNPIN;
    private static final boolean ROOT;
    /** The process's effective gid and supplementary groups, restored after every switch. */
    private static final long SAVED_GID;
    private static final MemorySegment SAVED_GROUPS;
    private static final long SAVED_GROUP_COUNT;

    /** Test hook: runs inside every switched scope, just after the switch. */
    static volatile Runnable enteredHook;

    static {
        MethodHandle pin = null;
        MethodHandle unpin = null;
        try {
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            pin = lookup.findStatic(continuation, "pin", MethodType.methodType(void.class));
            unpin = lookup.findStatic(continuation, "unpin", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not exported to us: switching from virtual threads is refused (see switching())
            pin = null;
            unpin = null;
        }
        PIN = pin;
        UNPIN = unpin;
        ThreadIds ids = ThreadIds.current();
        ROOT = ids.euid() == 0;
        SAVED_GID = Integer.toUnsignedLong(ids.egid());
        int[] groups = ids.groups();
        SAVED_GROUP_COUNT = groups.length;
        SAVED_GROUPS = groups.length == 0 ? MemorySegment.NULL : Arena.global().allocateFrom(JAVA_INT, groups);
    }

    private final ThreadCredentials creds;
    private final boolean pinned;
    private final Sys sys;
    /** The thread that was switched: only it can switch back. */
    private final Thread thread;
    private boolean closed;

    private CredentialScope(ThreadCredentials creds, boolean pinned, Sys sys) {
        this.creds = creds;
        this.pinned = pinned;
        this.sys = sys;
        this.thread = Thread.currentThread();
    }

    /** What switching can do in this process. */
    public static FsIdentity.Switching switching() {
        if (!ROOT) {
            return FsIdentity.Switching.NOT_ROOT;
        }
        return PIN == null ? FsIdentity.Switching.NO_PINNING : FsIdentity.Switching.ENABLED;
    }

    /**
     * Switches the calling thread to {@code c} (nothing for the server's credentials or when not
     * root). ACCESS_DENIED if the switch fails; the thread is then unchanged.
     */
    static CredentialScope enter(ThreadCredentials c) {
        ThreadCredentials active = ACTIVE.get();
        if (active != null) {
            if (active == c || active.identity().equals(c.identity())) {
                return NONE;
            }
            throw new IllegalStateException("credential switch to " + c + " inside a scope of " + active);
        }
        if (DeferredScope.claim(c)) {
            return NONE; // the request's deferred scope switched (or had switched) and will restore
        }
        return switchTo(c);
    }

    /** The credentials this thread is switched to, or null. */
    static ThreadCredentials active() {
        return ACTIVE.get();
    }

    /** The scope that switched nothing. */
    static CredentialScope none() {
        return NONE;
    }

    /** Switches now (no scope may be active); see {@link #enter}. */
    static CredentialScope switchTo(ThreadCredentials c) {
        if (c.isServer() || !ROOT) {
            return NONE;
        }
        boolean virtual = Thread.currentThread().isVirtual();
        if (virtual) {
            if (PIN == null) {
                throw new VfsException(NtStatus.ACCESS_DENIED, "cannot switch credentials on a virtual thread:"
                        + " run with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
            }
            invoke(PIN);
        }
        Sys sys = null;
        int done = 0;
        int errno = 0;
        String failed = null;
        try {
            sys = new Sys();
            if (sys.setgroups(c.groupCount(), c.groups()) < 0) {
                failed = "setgroups";
            } else {
                done = 1;
                if (sys.setres(LibC.SYS_SETRESGID, -1, c.gid(), -1) < 0) {
                    failed = "setresgid";
                } else {
                    done = 2;
                    if (sys.setres(LibC.SYS_SETRESUID, -1, c.uid(), -1) < 0) {
                        failed = "setresuid";
                    } else {
                        done = 3;
                    }
                }
            }
            if (failed != null) {
                errno = sys.errno();
            }
        } catch (Throwable t) {
            abandon(sys, done, virtual);
            throw t;
        }
        if (failed != null) {
            abandon(sys, done, virtual);
            throw Errno.exception(errno, NtStatus.ACCESS_DENIED, failed + " to " + c, null);
        }
        ACTIVE.set(c);
        CredentialScope scope = new CredentialScope(c, virtual, sys);
        Runnable hook = enteredHook;
        if (hook != null) {
            try {
                hook.run();
            } catch (Throwable t) {
                scope.close();
                throw t;
            }
        }
        return scope;
    }

    /** Undoes the first {@code done} steps of a switch that did not complete, then unpins. */
    private static void abandon(Sys sys, int done, boolean virtual) {
        try {
            if (sys != null) {
                restore(sys, done);
                sys.close();
            }
        } finally {
            if (virtual) {
                invoke(UNPIN);
            }
        }
    }

    /** Back to root. Idempotent. */
    @Override
    public void close() {
        if (creds == null || closed) {
            return;
        }
        if (Thread.currentThread() != thread) {
            // a restore here would leave the switched thread switched
            fatal("credential scope of " + thread + " closed on another thread", null);
        }
        closed = true;
        ACTIVE.set(null);
        try {
            restore(sys, 3);
            sys.close();
        } finally {
            if (pinned) {
                invoke(UNPIN);
            }
        }
    }

    /**
     * Reverts the first {@code done} switch steps, last first: euid back to 0 (which also restores
     * the capabilities the next two steps need), then the group, then the groups. Any failure here
     * halts the process (see the class comment); so does any exception, since the thread state is
     * then unknown.
     */
    private static void restore(Sys sys, int done) {
        String step = null;
        try {
            // each step runs only if the one before it succeeded
            if (done >= 3 && sys.setres(LibC.SYS_SETRESUID, -1, 0, -1) < 0) {
                step = "setresuid";
            }
            if (step == null && done >= 2 && sys.setres(LibC.SYS_SETRESGID, -1, SAVED_GID, -1) < 0) {
                step = "setresgid";
            }
            if (step == null && done >= 1 && sys.setgroups(SAVED_GROUP_COUNT, SAVED_GROUPS) < 0) {
                step = "setgroups";
            }
        } catch (Throwable t) {
            fatal("restoring credentials threw " + t, t);
        }
        if (step != null) {
            fatal("restoring credentials: " + step + " failed with " + Errno.name(sys.errno()), null);
        }
    }

    /**
     * The thread could now serve the next request with a user's identity, or a user's request
     * with root's: neither may happen, and the thread cannot be fixed or fenced off from here.
     */
    private static void fatal(String message, Throwable cause) {
        try {
            String m = "FATAL: " + message + " on thread " + Thread.currentThread()
                    + "; halting so no request runs with another user's credentials";
            System.err.println(m);
            LOG.log(System.Logger.Level.ERROR, m, cause);
        } finally {
            Runtime.getRuntime().halt(70);
        }
    }

    private static void invoke(MethodHandle h) {
        try {
            h.invokeExact();
        } catch (Throwable t) {
            if (h == UNPIN) {
                // a carrier left pinned would still be safe (just slower), but its state is no longer known
                fatal("unpin threw " + t, t);
            }
            throw new VfsException(NtStatus.ACCESS_DENIED, "cannot pin the virtual thread: " + t);
        }
    }

    /** The calling thread's credentials, read with raw system calls (diagnostics and tests). */
    record ThreadIds(int ruid, int euid, int suid, int rgid, int egid, int sgid, int[] groups) {

        static ThreadIds current() {
            try (Sys sys = new Sys()) {
                MemorySegment ids = sys.alloc(24);
                if (sys.getres(LibC.SYS_GETRESUID, ids, ids.asSlice(4), ids.asSlice(8)) < 0
                        || sys.getres(LibC.SYS_GETRESGID, ids.asSlice(12), ids.asSlice(16), ids.asSlice(20)) < 0) {
                    throw sys.fail("getresuid", null);
                }
                long n = sys.getgroups(0, MemorySegment.NULL);
                MemorySegment list = sys.alloc(Math.max(4, n * 4));
                n = n <= 0 ? n : sys.getgroups(n, list);
                if (n < 0) {
                    throw sys.fail("getgroups", null);
                }
                return new ThreadIds(ids.get(JAVA_INT, 0), ids.get(JAVA_INT, 4), ids.get(JAVA_INT, 8),
                        ids.get(JAVA_INT, 12), ids.get(JAVA_INT, 16), ids.get(JAVA_INT, 20),
                        list.asSlice(0, n * 4).toArray(JAVA_INT));
            }
        }

        @Override
        public String toString() {
            return "ThreadIds[uid=" + ruid + "/" + euid + "/" + suid + ", gid=" + rgid + "/" + egid + "/" + sgid
                    + ", groups=" + Arrays.toString(groups) + "]";
        }
    }

    /** The process's own credentials as restored after every switch: euid 0 (when root), gid and groups. */
    static boolean isRestored(ThreadIds ids) {
        if (!ROOT) {
            return true;
        }
        int[] saved = SAVED_GROUP_COUNT == 0 ? new int[0] : SAVED_GROUPS.toArray(JAVA_INT);
        return ids.ruid() == 0 && ids.euid() == 0 && ids.suid() == 0
                && Integer.toUnsignedLong(ids.egid()) == SAVED_GID
                && Arrays.equals(sortedUnsigned(ids.groups()), sortedUnsigned(saved));
    }

    private static int[] sortedUnsigned(int[] a) {
        return Arrays.stream(a).map(x -> x ^ Integer.MIN_VALUE).sorted().map(x -> x ^ Integer.MIN_VALUE).toArray();
    }
}
