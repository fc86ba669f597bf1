package org.bossa.smb2.wire;

/**
 * A message that does not decode: too short, a lying offset or length, a wrong StructureSize.
 * Carries the NT status the spec gives for the fault; the request fails with it, the connection lives on.
 */
public final class WireFormatException extends RuntimeException {
    private final NtStatus status;

    public WireFormatException(NtStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public WireFormatException(String detail) {
        this(NtStatus.INVALID_PARAMETER, detail);
    }

    public NtStatus status() {
        return status;
    }
}
