package org.bossa.dtyp;

/**
 * Malformed MS-DTYP input: a SID, ACL, ACE or security descriptor that is too short, has a lying size, count or
 * offset, or a value the spec forbids. Unchecked and without a stack trace; callers answer
 * STATUS_INVALID_SECURITY_DESCR, STATUS_INVALID_SID or STATUS_INVALID_ACL (whichever {@link #kind()} names).
 */
public final class DtypFormatException extends RuntimeException {
    /** Which structure was malformed. */
    public enum Kind { SID, ACL, SECURITY_DESCRIPTOR }

    private final Kind kind;

    public DtypFormatException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
