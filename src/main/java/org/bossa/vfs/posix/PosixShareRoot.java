package org.bossa.vfs.posix;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.DirEntry;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.IdentityScope;
import org.bossa.vfs.FsStat;
import org.bossa.vfs.NameFold;
import org.bossa.vfs.Names;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;

/**
 * {@link ShareRoot} on a Linux directory descriptor. Every lookup is one openat2(2) from the root
 * descriptor with RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS; operations on names (mkdir, unlink,
 * rename, link) act on a single final component relative to a parent directory opened that way.
 *
 * <p>{@link #open(Path)} makes the server's view (calls run as the process); {@link #as} makes a view
 * of the same descriptor whose calls, and those of every handle it opens, run in a
 * {@link CredentialScope} of the given identity. Only the server's view owns the descriptor.
 */
public final class PosixShareRoot implements ShareRoot {

    static final long RESOLVE = LibC.RESOLVE_BENEATH | LibC.RESOLVE_NO_MAGICLINKS;
    /** Attempts when openat2 reports EAGAIN (a concurrent rename raced a ".." walk) or a create race. */
    private static final int RETRIES = 8;

    private final FdGuard guard;
    private final String description;
    private final ThreadCredentials creds;
    /** Whether {@link #close} closes the descriptor: the server's view does, {@link #as} views do not. */
    private final boolean owner;

    private PosixShareRoot(FdGuard guard, String description, ThreadCredentials creds, boolean owner) {
        this.guard = guard;
        this.description = description;
        this.creds = creds;
        this.owner = owner;
    }

    public static PosixShareRoot open(Path root) {
        String path = root.toAbsolutePath().normalize().toString();
        try (Sys sys = new Sys()) {
            int fd = sys.openat(LibC.AT_FDCWD, path, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
            if (fd < 0) {
                throw sys.fail("open share root", path);
            }
            return new PosixShareRoot(new FdGuard(fd), path, ThreadCredentials.SERVER, true);
        }
    }

    @Override
    public int fd() {
        return guard.rawFd();
    }

    @Override
    public ShareRoot as(FsIdentity identity) {
        return new PosixShareRoot(guard, description, ThreadCredentials.of(identity), false);
    }

    @Override
    public FsIdentity identity() {
        return creds.identity();
    }

    @Override
    public boolean sameShare(ShareRoot other) {
        return other instanceof PosixShareRoot p && p.guard == guard;
    }

    @Override
    public IdentityScope enter() {
        return DeferredScope.open(creds);
    }

    /** The scope every call of this view runs in: this view's identity, or the request's switch. */
    private CredentialScope scope() {
        return CredentialScope.enter(creds);
    }

    // ---- name resolution ----

    @Override
    public String resolve(List<String> components) {
        Names.checkComponents(components);
        if (components.isEmpty()) {
            return ".";
        }
        try (CredentialScope scope = scope()) {
            return resolveSwitched(components);
        }
    }

    private String resolveSwitched(List<String> components) {
        int root = guard.acquire();
        int dirfd = root;
        try {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < components.size(); i++) {
                boolean last = i == components.size() - 1;
                String c = components.get(i);
                String actual = exists(dirfd, c) ? c : findFolded(dirfd, c, creds);
                if (actual == null) {
                    if (!last) {
                        throw new VfsException(Errno.ENOENT, NtStatus.OBJECT_PATH_NOT_FOUND,
                                "no such directory: " + path + (path.isEmpty() ? "" : "/") + c);
                    }
                    actual = c;
                }
                if (!path.isEmpty()) {
                    path.append('/');
                }
                path.append(actual);
                if (!last) {
                    int next;
                    try {
                        next = openBeneath(root, path.toString(), LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
                    } catch (VfsException e) {
                        throw e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR
                                ? e.withStatus(NtStatus.OBJECT_PATH_NOT_FOUND) : e;
                    }
                    if (dirfd != root) {
                        Sys.close(dirfd);
                    }
                    dirfd = next;
                }
            }
            return path.toString();
        } finally {
            if (dirfd != root) {
                Sys.close(dirfd);
            }
            guard.release();
        }
    }

    /** Whether {@code name} exists in {@code dirfd} exactly as spelled (symlinks not followed). */
    private static boolean exists(int dirfd, String name) {
        try (Sys sys = new Sys()) {
            MemorySegment b = sys.alloc(Statx.SIZE);
            if (sys.statx(dirfd, name, LibC.AT_SYMLINK_NOFOLLOW, 0, b) == 0) {
                return true;
            }
            if (sys.errno() == Errno.ENOENT) {
                return false;
            }
            throw sys.fail("statx", name);
        }
    }

    /** The ordinally smallest entry of {@code dirfd} equal to {@code name} ignoring case, or null. */
    private static String findFolded(int dirfd, String name, ThreadCredentials creds) {
        String best = null;
        try (PosixDirectoryReader reader = PosixDirectoryReader.open(dirfd, creds)) {
            for (DirEntry e = reader.next(); e != null; e = reader.next()) {
                if (NameFold.equalsIgnoreCase(e.name(), name) && (best == null || e.name().compareTo(best) < 0)) {
                    best = e.name();
                }
            }
        }
        return best;
    }

    // ---- opening ----

    /**
     * open(2) flags for {@code mode}, without O_CREAT / O_EXCL. Data opens add O_NONBLOCK so that a
     * FIFO planted in the share cannot block the opening thread (regular files ignore the flag;
     * {@link PosixFileHandle#wrap} then refuses anything but files and directories) and O_NOCTTY.
     */
    static int openFlags(OpenMode mode) {
        int flags = LibC.O_CLOEXEC;
        flags |= switch (mode.access()) {
            case PATH -> LibC.O_PATH;
            case READ -> LibC.O_RDONLY | LibC.O_NOCTTY | LibC.O_NONBLOCK;
            case WRITE -> LibC.O_WRONLY | LibC.O_NOCTTY | LibC.O_NONBLOCK;
            case READ_WRITE -> LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK;
        };
        if (mode.kind() == OpenMode.Kind.DIRECTORY) {
            flags |= LibC.O_DIRECTORY;
        }
        if (mode.noFollowLast()) {
            flags |= LibC.O_NOFOLLOW;
        }
        if (mode.truncateOnOpen()) {
            flags |= LibC.O_TRUNC;
        }
        return flags;
    }

    @Override
    public FileHandle open(String relPath, OpenMode mode) {
        String path = checkPath(relPath);
        try (CredentialScope scope = scope()) {
            return openSwitched(path, mode);
        }
    }

    private FileHandle openSwitched(String path, OpenMode mode) {
        int root = guard.acquire();
        try {
            return open(root, path, mode, creds);
        } catch (VfsException e) {
            throw e.errno() == Errno.ENOENT && !parentExists(root, path)
                    ? e.withStatus(NtStatus.OBJECT_PATH_NOT_FOUND) : e;
        } finally {
            guard.release();
        }
    }

    /** On the failure path only: whether the directory that would hold {@code path} exists. */
    private static boolean parentExists(int root, String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return true;
        }
        try {
            Sys.close(openBeneath(root, path.substring(0, slash), LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0));
            return true;
        } catch (VfsException e) {
            return false;
        }
    }

    private static FileHandle open(int root, String path, OpenMode mode, ThreadCredentials creds) {
        int flags = openFlags(mode);
        int fd;
        boolean created = false;
        if (!mode.create()) {
            fd = openExisting(root, path, flags, mode);
        } else if (mode.exclusive()) {
            fd = openBeneath(root, path, flags | LibC.O_CREAT | LibC.O_EXCL, mode.createMode());
            created = true;
        } else {
            // O_CREAT alone cannot tell whether it created the file; SMB must (CreateAction).
            fd = -1;
            for (int attempt = 0; fd < 0; attempt++) {
                try {
                    fd = openBeneath(root, path, flags | LibC.O_CREAT | LibC.O_EXCL, mode.createMode());
                    created = true;
                } catch (VfsException e) {
                    if (e.errno() != Errno.EEXIST) {
                        throw e;
                    }
                    try {
                        fd = openBeneath(root, path, flags, 0);
                    } catch (VfsException e2) {
                        if (e2.errno() != Errno.ENOENT || attempt >= RETRIES) {
                            throw e2; // ENOENT: removed in between, try creating again
                        }
                    }
                }
            }
        }
        return PosixFileHandle.wrap(fd, mode, created, path, creds);
    }

    private static int openExisting(int root, String path, int flags, OpenMode mode) {
        try {
            return openBeneath(root, path, flags, 0);
        } catch (VfsException e) {
            if (e.errno() != Errno.ENOTDIR || mode.kind() != OpenMode.Kind.DIRECTORY) {
                throw e;
            }
            // ENOTDIR: either the last component is not a directory or a parent is not.
            int probeFlags = LibC.O_PATH | LibC.O_CLOEXEC | (flags & LibC.O_NOFOLLOW);
            int probe = openBeneath(root, path, probeFlags, 0); // throws if a parent is the problem
            Sys.close(probe);
            throw e.withStatus(NtStatus.NOT_A_DIRECTORY);
        }
    }

    /** openat2(dirfd, path, {flags, mode, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS}). */
    static int openBeneath(int dirfd, String path, int flags, int mode) {
        try (Sys sys = new Sys()) {
            long createMode = (flags & LibC.O_CREAT) != 0 ? mode : 0;
            for (int attempt = 0; ; attempt++) {
                int fd = sys.openat2(dirfd, path, Integer.toUnsignedLong(flags), createMode, RESOLVE);
                if (fd >= 0) {
                    return fd;
                }
                int e = sys.errno();
                if ((e != Errno.EAGAIN && e != Errno.EINTR) || attempt >= RETRIES) {
                    throw sys.fail("openat2", path);
                }
            }
        }
    }

    @Override
    public FileHandle mkdir(String relPath, int mode) {
        String path = checkPath(relPath);
        try (CredentialScope scope = scope()) {
            return mkdirSwitched(path, mode);
        }
    }

    private FileHandle mkdirSwitched(String path, int mode) {
        int root = guard.acquire();
        try {
            Parent p = parent(root, path);
            try (Sys sys = new Sys()) {
                if (sys.mkdirat(p.fd, p.name, mode & 07777) < 0) {
                    throw sys.fail("mkdirat", path);
                }
                int fd = openBeneath(p.fd, p.name,
                        LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, 0);
                return new PosixFileHandle(fd, OpenMode.read().directory(), true, creds);
            } finally {
                Sys.close(p.fd);
            }
        } finally {
            guard.release();
        }
    }

    @Override
    public void unlink(String relPath, boolean directory) {
        String path = checkPath(relPath);
        try (CredentialScope scope = scope()) {
            unlinkSwitched(path, directory);
        }
    }

    private void unlinkSwitched(String path, boolean directory) {
        int root = guard.acquire();
        try {
            Parent p = parent(root, path);
            try (Sys sys = new Sys()) {
                if (sys.unlinkat(p.fd, p.name, directory ? LibC.AT_REMOVEDIR : 0) < 0) {
                    int e = sys.errno();
                    NtStatus status = switch (e) {
                        case Errno.EEXIST, Errno.ENOTEMPTY -> NtStatus.DIRECTORY_NOT_EMPTY;
                        case Errno.ENOTDIR -> NtStatus.NOT_A_DIRECTORY;
                        case Errno.EBUSY -> NtStatus.CANNOT_DELETE; // a mount point
                        default -> Errno.toStatus(e);
                    };
                    throw Errno.exception(e, status, directory ? "rmdir" : "unlink", path);
                }
            } finally {
                Sys.close(p.fd);
            }
        } finally {
            guard.release();
        }
    }

    @Override
    public void rename(String fromRel, String toRel, boolean replace) {
        twoNames(fromRel, toRel, "renameat2", replace ? 0 : LibC.RENAME_NOREPLACE, true);
    }

    @Override
    public void link(String existingRel, String newRel) {
        twoNames(existingRel, newRel, "linkat", 0, false);
    }

    private void twoNames(String fromRel, String toRel, String op, int flags, boolean rename) {
        String from = checkPath(fromRel);
        String to = checkPath(toRel);
        try (CredentialScope scope = scope()) {
            twoNamesSwitched(from, to, op, flags, rename);
        }
    }

    private void twoNamesSwitched(String from, String to, String op, int flags, boolean rename) {
        int root = guard.acquire();
        try {
            Parent src = parent(root, from);
            try {
                Parent dst = parent(root, to);
                try (Sys sys = new Sys()) {
                    int r = rename
                            ? sys.renameat2(src.fd, src.name, dst.fd, dst.name, flags)
                            : sys.linkat(src.fd, src.name, dst.fd, dst.name, flags);
                    if (r < 0) {
                        int e = sys.errno();
                        NtStatus status = switch (e) {
                            case Errno.EXDEV -> NtStatus.NOT_SAME_DEVICE;
                            case Errno.ENOTDIR -> NtStatus.NOT_A_DIRECTORY;
                            case Errno.EBUSY -> NtStatus.ACCESS_DENIED;
                            default -> Errno.toStatus(e);
                        };
                        throw Errno.exception(e, status, op, from + " -> " + to);
                    }
                } finally {
                    Sys.close(dst.fd);
                }
            } finally {
                Sys.close(src.fd);
            }
        } finally {
            guard.release();
        }
    }

    private record Parent(int fd, String name) {}

    /**
     * The directory containing the last component of {@code path}, opened O_PATH beneath the root,
     * and that component. A missing or non-directory parent is OBJECT_PATH_NOT_FOUND.
     */
    private static Parent parent(int root, String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : path.substring(0, slash);
        String name = path.substring(slash + 1);
        Names.checkLocalName(name);
        try {
            int fd = openBeneath(root, dir.isEmpty() ? "." : dir, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
            return new Parent(fd, name);
        } catch (VfsException e) {
            throw e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR
                    ? e.withStatus(NtStatus.OBJECT_PATH_NOT_FOUND) : e;
        }
    }

    /** A relative path as given: not null, not empty, no NUL. Containment is the kernel's job. */
    private static String checkPath(String relPath) {
        if (relPath == null || relPath.isEmpty() || relPath.indexOf('\0') >= 0) {
            throw new VfsException(NtStatus.OBJECT_NAME_INVALID, "invalid path");
        }
        return relPath;
    }

    @Override
    public FsStat statfs() {
        try (CredentialScope scope = scope()) {
            int root = guard.acquire();
            try {
                return PosixFileHandle.statfs(root);
            } finally {
                guard.release();
            }
        }
    }

    /** Closes the descriptor if this is the server's view; an {@link #as} view owns nothing to close. */
    @Override
    public void close() {
        if (owner) {
            guard.close();
        }
    }

    @Override
    public String toString() {
        return "PosixShareRoot[" + description + (creds.isServer() ? "" : ", as " + creds) + "]";
    }
}
