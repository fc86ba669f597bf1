package org.bossa.vfs;

import java.util.Objects;
import org.bossa.smb2.wire.NtStatus;

/**
 * A failed filesystem operation: the POSIX errno that caused it (0 when the VFS itself refused the
 * request, e.g. an invalid name) and the NT status the client should see.
 *
 * <p>Thrown on the request path for ordinary client errors (missing files, collisions), so it is
 * lightweight: no stack trace, no suppression list.
 */
public final class VfsException extends RuntimeException {

    private final int errno;
    private final NtStatus status;

    public VfsException(int errno, NtStatus status, String message) {
        super(message, null, false, false);
        this.errno = errno;
        this.status = Objects.requireNonNull(status, "status");
    }

    /** A refusal that did not come from a system call. */
    public VfsException(NtStatus status, String message) {
        this(0, status, message);
    }

    /** The errno of the failed system call, or 0 when the VFS refused the request itself. */
    public int errno() {
        return errno;
    }

    /** The NT status to return to the client. */
    public NtStatus status() {
        return status;
    }

    /** The same failure reported with a different status, e.g. OBJECT_PATH_NOT_FOUND for a missing parent. */
    public VfsException withStatus(NtStatus newStatus) {
        return newStatus == status ? this : new VfsException(errno, newStatus, getMessage());
    }
}
