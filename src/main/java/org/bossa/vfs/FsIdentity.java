package org.bossa.vfs;

import java.util.Arrays;
import java.util.Collection;
import org.bossa.vfs.posix.CredentialScope;

/**
 * The POSIX credentials a filesystem call runs with in the kernel: user id, primary group id and
 * supplementary group ids. Immutable. {@link ShareRoot#as} turns a share root into a view whose
 * every call, and every later call on the handles it opens, runs with these credentials, so the
 * kernel's own checks (mode bits, POSIX ACLs, sticky bit, search permission on every directory of a
 * path, quotas, root-reserved blocks) apply to the user the way Samba's become_user makes them
 * apply.
 *
 * <p>{@link #SERVER} is the server process itself: calls made as SERVER switch nothing.
 *
 * <p>Switching needs a root process. When the process is not root (a developer running unprivileged),
 * {@link #switching()} is {@link Switching#NOT_ROOT} and a view made with {@link ShareRoot#as} runs
 * as the process's own user: the kernel then checks that user, not the identity given. The server
 * should log {@link #switching()} once at startup.
 *
 * <p>Ids are unsigned 32-bit values. 4294967295 ((uid_t) -1) is refused because the kernel reads it
 * as "leave unchanged": a switch to it would leave the call running as root. Uid 0 is allowed (an
 * account mapped to root is root, capabilities included).
 */
public final class FsIdentity {

    /** The kernel's NGROUPS_MAX: the most supplementary groups setgroups(2) accepts. */
    public static final int MAX_GROUPS = 65536;

    /** Largest valid id; 0xFFFFFFFF is the kernel's "no change". */
    static final long MAX_ID = 0xFFFF_FFFEL;

    /** The server process itself: no switch. */
    public static final FsIdentity SERVER = new FsIdentity(-1, -1, new int[0]);

    /** Whether per-thread credential switching works in this process, for one startup log line. */
    public enum Switching {
        /** Root, and virtual threads can be pinned: every call of an {@link ShareRoot#as} view runs as its user. */
        ENABLED,
        /** The process is not root: views run as the process's own user. */
        NOT_ROOT,
        /**
         * Root, but virtual threads cannot be pinned to their carrier (the JVM lacks
         * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}): switched calls from platform
         * threads work, from virtual threads they fail with ACCESS_DENIED rather than run as root.
         */
        NO_PINNING
    }

    private final int uid;
    private final int gid;
    private final int[] groups;

    private FsIdentity(int uid, int gid, int[] groups) {
        this.uid = uid;
        this.gid = gid;
        this.groups = groups;
    }

    /**
     * The credentials of a user. Duplicate groups are dropped and the order is not kept (the kernel
     * sorts them anyway).
     *
     * @throws IllegalArgumentException an id outside 0..4294967294, or more than {@link #MAX_GROUPS} groups
     */
    public static FsIdentity of(long uid, long gid, Collection<Long> supplementaryGids) {
        int[] gs = new int[supplementaryGids.size()];
        int n = 0;
        for (Long g : supplementaryGids) {
            gs[n++] = checkId("gid", g);
        }
        int[] unique = Arrays.stream(gs).map(x -> x ^ Integer.MIN_VALUE).sorted().distinct()
                .map(x -> x ^ Integer.MIN_VALUE).toArray(); // sorted as unsigned
        if (unique.length > MAX_GROUPS) {
            throw new IllegalArgumentException("more than " + MAX_GROUPS + " supplementary groups: " + unique.length);
        }
        return new FsIdentity(checkId("uid", uid), checkId("gid", gid), unique);
    }

    private static int checkId(String what, Long id) {
        if (id == null || id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException(what + " out of range 0.." + MAX_ID + ": " + id);
        }
        return (int) (long) id;
    }

    /** Whether this is {@link #SERVER}. */
    public boolean isServer() {
        return this == SERVER;
    }

    /** The user id (unsigned); 4294967295 for {@link #SERVER}, which has no ids of its own. */
    public long uid() {
        return Integer.toUnsignedLong(uid);
    }

    /** The primary group id (unsigned); 4294967295 for {@link #SERVER}. */
    public long gid() {
        return Integer.toUnsignedLong(gid);
    }

    /** The supplementary group ids as the kernel takes them (gid_t bit patterns), sorted unsigned, no duplicates. */
    public int[] rawGroups() {
        return groups.clone();
    }

    public int groupCount() {
        return groups.length;
    }

    /** The user id as the kernel takes it (a uid_t bit pattern). */
    public int rawUid() {
        return uid;
    }

    /** The primary group id as the kernel takes it (a gid_t bit pattern). */
    public int rawGid() {
        return gid;
    }

    /** What {@link ShareRoot#as} can do in this process. */
    public static Switching switching() {
        return CredentialScope.switching();
    }

    /** Whether {@link ShareRoot#as} views run as their user on every thread. */
    public static boolean switchingSupported() {
        return switching() == Switching.ENABLED;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof FsIdentity f && !f.isServer() && !isServer()
                && f.uid == uid && f.gid == gid && Arrays.equals(f.groups, groups));
    }

    @Override
    public int hashCode() {
        return isServer() ? 0 : (31 * uid + gid) * 31 + Arrays.hashCode(groups);
    }

    @Override
    public String toString() {
        return isServer() ? "FsIdentity[server]"
                : "FsIdentity[uid=" + uid() + ", gid=" + gid() + ", groups=" + groups.length + "]";
    }
}
