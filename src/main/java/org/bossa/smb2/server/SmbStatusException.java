package org.bossa.smb2.server;

import org.bossa.smb2.wire.NtStatus;

/** Fails one request with an NT status; the connection lives on. */
public final class SmbStatusException extends RuntimeException {
    private final NtStatus status;

    public SmbStatusException(NtStatus status) {
        this(status, status.ntName());
    }

    public SmbStatusException(NtStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public NtStatus status() {
        return status;
    }
}
