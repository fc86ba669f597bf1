package org.bossa.smb2.wire;

/**
 * SMB2_LOCK_ELEMENT (MS-SMB2 2.2.26.1): one byte range of a LOCK request.
 *
 * @param offset Offset (8 bytes): start of the range
 * @param length Length (8 bytes): bytes in the range
 * @param flags Flags (4 bytes): FLAG_ constants
 */
public record LockElement(long offset, long length, int flags) {
    public static final int SIZE = 24;
    /** SMB2_LOCKFLAG_SHARED_LOCK. */
    public static final int FLAG_SHARED_LOCK = 0x00000001;
    /** SMB2_LOCKFLAG_EXCLUSIVE_LOCK. */
    public static final int FLAG_EXCLUSIVE_LOCK = 0x00000002;
    /** SMB2_LOCKFLAG_UNLOCK. */
    public static final int FLAG_UNLOCK = 0x00000004;
    /** SMB2_LOCKFLAG_FAIL_IMMEDIATELY. */
    public static final int FLAG_FAIL_IMMEDIATELY = 0x00000010;

    public boolean isUnlock() {
        return (flags & FLAG_UNLOCK) != 0;
    }

    public boolean isShared() {
        return (flags & FLAG_SHARED_LOCK) != 0;
    }

    public boolean isExclusive() {
        return (flags & FLAG_EXCLUSIVE_LOCK) != 0;
    }

    public boolean failImmediately() {
        return (flags & FLAG_FAIL_IMMEDIATELY) != 0;
    }

    /**
     * One of the five flag combinations MS-SMB2 3.3.5.14 accepts: SHARED, EXCLUSIVE, either of them with
     * FAIL_IMMEDIATELY, or UNLOCK alone. (The handler fails other values with STATUS_INVALID_PARAMETER.)
     */
    public boolean hasValidFlags() {
        return switch (flags) {
            case FLAG_SHARED_LOCK, FLAG_EXCLUSIVE_LOCK, FLAG_SHARED_LOCK | FLAG_FAIL_IMMEDIATELY,
                 FLAG_EXCLUSIVE_LOCK | FLAG_FAIL_IMMEDIATELY, FLAG_UNLOCK -> true;
            default -> false;
        };
    }

    /** True if the range wraps past 2^64 - 1 (offset + length - 1 overflows as unsigned). */
    public boolean wraps() {
        return length != 0 && Long.compareUnsigned(offset + length - 1, offset) < 0;
    }

    static LockElement decode(WireReader r, int at) {
        return new LockElement(r.u64(at), r.u64(at + 8), r.u32(at + 16));
    }

    void encode(WireWriter w) {
        w.u64(offset).u64(length).u32(flags).u32(0);
    }
}
