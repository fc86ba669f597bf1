package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/**
 * Extended attributes on a descriptor (f*xattr), or on its /proc/self/fd/N link when
 * {@code procPath} is given (the kernel refuses f*xattr on O_PATH descriptors).
 * EOPNOTSUPP becomes EAS_NOT_SUPPORTED.
 */
final class Xattrs {

    private Xattrs() {}

    /** Limit of one value on Linux (XATTR_SIZE_MAX). */
    static final int VALUE_MAX = 65536;

    static byte[] get(Sys sys, int fd, String procPath, String name) {
        MemorySegment n = name(sys, name);
        while (true) {
            long size = sys.getxattr(fd, procPath, n, MemorySegment.NULL, 0);
            if (size < 0) {
                if (sys.errno() == Errno.ENODATA) {
                    return null;
                }
                throw fail(sys, "getxattr", name);
            }
            if (size == 0) {
                return new byte[0];
            }
            MemorySegment buf = sys.alloc(size);
            long got = sys.getxattr(fd, procPath, n, buf, size);
            if (got >= 0) {
                return buf.asSlice(0, got).toArray(JAVA_BYTE);
            }
            if (sys.errno() == Errno.ENODATA) {
                return null;
            }
            if (sys.errno() != Errno.ERANGE) { // ERANGE: the value grew in between; ask again
                throw fail(sys, "getxattr", name);
            }
        }
    }

    static void set(Sys sys, int fd, String procPath, String name, byte[] value) {
        if (value.length > VALUE_MAX) {
            throw new VfsException(Errno.E2BIG, NtStatus.INVALID_PARAMETER, "xattr value too large: " + name);
        }
        MemorySegment n = name(sys, name);
        MemorySegment v = sys.alloc(Math.max(1, value.length));
        MemorySegment.copy(value, 0, v, JAVA_BYTE, 0, value.length);
        if (sys.setxattr(fd, procPath, n, v, value.length, 0) < 0) {
            throw fail(sys, "setxattr", name);
        }
    }

    static void remove(Sys sys, int fd, String procPath, String name) {
        MemorySegment n = name(sys, name);
        if (sys.removexattr(fd, procPath, n) < 0 && sys.errno() != Errno.ENODATA) {
            throw fail(sys, "removexattr", name);
        }
    }

    static List<String> list(Sys sys, int fd, String procPath) {
        while (true) {
            long size = sys.listxattr(fd, procPath, MemorySegment.NULL, 0);
            if (size < 0) {
                throw fail(sys, "listxattr", null);
            }
            if (size == 0) {
                return List.of();
            }
            MemorySegment buf = sys.alloc(size);
            long got = sys.listxattr(fd, procPath, buf, size);
            if (got < 0) {
                if (sys.errno() == Errno.ERANGE) {
                    continue;
                }
                throw fail(sys, "listxattr", null);
            }
            byte[] all = buf.asSlice(0, got).toArray(JAVA_BYTE);
            List<String> names = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    if (i > start) {
                        names.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return names;
        }
    }

    private static MemorySegment name(Sys sys, String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new VfsException(Errno.EINVAL, NtStatus.INVALID_PARAMETER, "invalid xattr name");
        }
        return sys.cstr(name);
    }

    private static VfsException fail(Sys sys, String op, String name) {
        int e = sys.errno();
        NtStatus status = e == Errno.EOPNOTSUPP ? NtStatus.EAS_NOT_SUPPORTED : Errno.toStatus(e);
        return Errno.exception(e, status, op, name);
    }
}
