package org.bossa.fscc;

/**
 * A well-formed query this server does not answer: an information class it does not serve
 * ({@link FsccStatus#INVALID_INFO_CLASS}, {@link FsccStatus#NOT_SUPPORTED}) or a value that does not exist
 * ({@link FsccStatus#OBJECT_NAME_NOT_FOUND} for a missing 8.3 name). Unchecked, no stack trace.
 */
public final class FsccUnsupportedException extends RuntimeException {
    private final FsccStatus status;

    public FsccUnsupportedException(FsccStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public FsccStatus status() {
        return status;
    }
}
