package org.bossa.fscc;

/**
 * Malformed MS-FSCC input: too short, a lying length or offset, a forbidden value. Unchecked and without a stack
 * trace (decoders see hostile input often); {@link #status()} says which NT status the request fails with.
 */
public final class FsccFormatException extends RuntimeException {
    private final FsccStatus status;

    public FsccFormatException(FsccStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public FsccFormatException(String detail) {
        this(FsccStatus.INVALID_PARAMETER, detail);
    }

    public FsccStatus status() {
        return status;
    }
}
