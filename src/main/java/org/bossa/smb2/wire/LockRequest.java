package org.bossa.smb2.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * SMB2 LOCK Request (MS-SMB2 2.2.26).
 *
 * @param lockSequence LockSequenceNumber (4 bits) / LockSequenceIndex (28 bits), the 4-byte field as sent
 * @param fileId FileId (16 bytes)
 * @param locks LockCount (2 bytes) elements of Locks (24 bytes each); never empty
 */
public record LockRequest(int lockSequence, FileId fileId, List<LockElement> locks) {
    public static final int STRUCTURE_SIZE = 48;
    /** Offset of the first lock element. */
    public static final int LOCKS_OFFSET = Body.START + 24;

    public LockRequest {
        locks = List.copyOf(locks);
        if (locks.isEmpty() || locks.size() > 0xFFFF) {
            throw new IllegalArgumentException("LOCK needs 1..65535 elements, not " + locks.size());
        }
    }

    /** LockSequenceNumber: the low 4 bits (resilient and persistent handles). */
    public int lockSequenceNumber() {
        return lockSequence & 0xF;
    }

    /** LockSequenceIndex: the upper 28 bits. */
    public int lockSequenceIndex() {
        return lockSequence >>> 4;
    }

    public static LockRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), LockCount (2), LockSequenceNumber/Index (4), FileId (16), Locks (24 each)
        int count = r.u16(b + 2);
        if (count == 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "LOCK with LockCount 0");
        }
        r.require(LOCKS_OFFSET, (long) count * LockElement.SIZE, "LOCK elements");
        List<LockElement> locks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            locks.add(LockElement.decode(r, LOCKS_OFFSET + i * LockElement.SIZE));
        }
        return new LockRequest(r.u32(b + 4), FileId.decode(r, b + 8), locks);
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(locks.size()).u32(lockSequence);
        fileId.encode(w);
        for (LockElement e : locks) {
            e.encode(w);
        }
    }
}
