package org.bossa.vfs.posix;

import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/** Linux errno values and their mapping to NT status codes. */
public final class Errno {

    private Errno() {}

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int E2BIG = 7;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ETXTBSY = 26;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int EROFS = 30;
    public static final int EMLINK = 31;
    public static final int ERANGE = 34;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ENOTEMPTY = 39;
    public static final int ELOOP = 40;
    public static final int ENODATA = 61;
    public static final int EOPNOTSUPP = 95;
    public static final int EDQUOT = 122;

    /**
     * The status a client sees for {@code errno} when the operation gives it no more specific
     * meaning. EXDEV is what openat2 returns when RESOLVE_BENEATH stops an escape ("..", an absolute
     * path or symlink leading out of the share): ACCESS_DENIED, as Windows answers for a path the
     * caller may not reach. Rename and link report their own EXDEV (a real cross-device move) as
     * NOT_SAME_DEVICE. ELOOP (too many symlinks, or a symlink where O_NOFOLLOW forbids one) is
     * OBJECT_NAME_INVALID: the name does not lead to a file the client can open.
     */
    public static NtStatus toStatus(int errno) {
        return switch (errno) {
            case ENOENT -> NtStatus.OBJECT_NAME_NOT_FOUND;
            case EEXIST -> NtStatus.OBJECT_NAME_COLLISION;
            case EACCES, EPERM, EXDEV -> NtStatus.ACCESS_DENIED;
            case ENOTEMPTY -> NtStatus.DIRECTORY_NOT_EMPTY;
            case ENOTDIR -> NtStatus.OBJECT_PATH_NOT_FOUND;
            case EISDIR -> NtStatus.FILE_IS_A_DIRECTORY;
            case ELOOP, ENAMETOOLONG -> NtStatus.OBJECT_NAME_INVALID;
            case ENOSPC, EDQUOT, EFBIG -> NtStatus.DISK_FULL;
            case EROFS -> NtStatus.MEDIA_WRITE_PROTECTED;
            case EMFILE, ENFILE -> NtStatus.TOO_MANY_OPENED_FILES;
            case EINVAL, E2BIG, ERANGE -> NtStatus.INVALID_PARAMETER;
            case EBADF -> NtStatus.INVALID_HANDLE;
            // EAGAIN: an O_NONBLOCK open met another process's kernel lease
            case EBUSY, ETXTBSY, EAGAIN -> NtStatus.SHARING_VIOLATION;
            case ENOMEM -> NtStatus.NO_MEMORY;
            case ENODATA -> NtStatus.NOT_FOUND;
            case EOPNOTSUPP, ENOSYS -> NtStatus.NOT_SUPPORTED;
            case ENXIO -> NtStatus.NO_SUCH_DEVICE;
            case EMLINK -> NtStatus.FILE_SYSTEM_LIMITATION;
            default -> NtStatus.INTERNAL_ERROR;
        };
    }

    public static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EINTR -> "EINTR";
            case EIO -> "EIO";
            case ENXIO -> "ENXIO";
            case E2BIG -> "E2BIG";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case EXDEV -> "EXDEV";
            case ENOTDIR -> "ENOTDIR";
            case EISDIR -> "EISDIR";
            case EINVAL -> "EINVAL";
            case ENFILE -> "ENFILE";
            case EMFILE -> "EMFILE";
            case ETXTBSY -> "ETXTBSY";
            case EFBIG -> "EFBIG";
            case ENOSPC -> "ENOSPC";
            case EROFS -> "EROFS";
            case EMLINK -> "EMLINK";
            case ERANGE -> "ERANGE";
            case ENAMETOOLONG -> "ENAMETOOLONG";
            case ENOSYS -> "ENOSYS";
            case ENOTEMPTY -> "ENOTEMPTY";
            case ELOOP -> "ELOOP";
            case ENODATA -> "ENODATA";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case EDQUOT -> "EDQUOT";
            default -> "errno " + errno;
        };
    }

    /** An exception for a failed call, with the default status for its errno. */
    public static VfsException exception(int errno, String op, String path) {
        return exception(errno, toStatus(errno), op, path);
    }

    public static VfsException exception(int errno, NtStatus status, String op, String path) {
        String msg = path == null ? op + ": " + name(errno) : op + "(" + path + "): " + name(errno);
        return new VfsException(errno, status, msg);
    }
}
