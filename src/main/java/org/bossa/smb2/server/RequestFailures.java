package org.bossa.smb2.server;

import org.bossa.fscc.FsccFormatException;
import org.bossa.fscc.FsccUnsupportedException;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.WireFormatException;
import org.bossa.vfs.VfsException;

/** The exceptions that fail one request with an NT status, and that status; the layers below name it. */
final class RequestFailures {
    private RequestFailures() {
    }

    /** The status {@code e} fails its request with, or null when it is not a request-scoped failure. */
    static NtStatus statusOf(RuntimeException e) {
        return switch (e) {
            case SmbStatusException s -> s.status();
            case WireFormatException w -> w.status();
            case VfsException v -> v.status();
            case FsccFormatException f -> FsccErrors.toNt(f.status());
            case FsccUnsupportedException f -> FsccErrors.toNt(f.status());
            default -> null;
        };
    }
}
