package org.bossa.smb2.server;

import org.bossa.fscc.FsccStatus;
import org.bossa.smb2.wire.NtStatus;

/** The fscc package's status names (it may not import the wire package) as NT statuses. */
final class FsccErrors {
    private FsccErrors() {
    }

    static NtStatus toNt(FsccStatus s) {
        return switch (s) {
            case INVALID_PARAMETER -> NtStatus.INVALID_PARAMETER;
            case INFO_LENGTH_MISMATCH -> NtStatus.INFO_LENGTH_MISMATCH;
            case OBJECT_NAME_INVALID -> NtStatus.OBJECT_NAME_INVALID;
            case INVALID_INFO_CLASS -> NtStatus.INVALID_INFO_CLASS;
            case NOT_SUPPORTED -> NtStatus.NOT_SUPPORTED;
            case OBJECT_NAME_NOT_FOUND -> NtStatus.OBJECT_NAME_NOT_FOUND;
            case EA_LIST_INCONSISTENT -> NtStatus.EA_LIST_INCONSISTENT;
        };
    }
}
