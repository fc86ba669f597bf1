package org.bossa.locking;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the server tracks about one open file across all its opens: their access and share
 * modes, delete-pending, and byte-range locks. Guarded by the {@link ShareModeTable} monitor for the
 * open list, and by its own monitor for locks.
 */
public final class FileState {
    /** One open's access and share mode; {@code owner} is compared by identity. */
    record OpenRecord(OpenOwner owner, int access, int share) {
    }

    private final FileKey key;
    final List<OpenRecord> opens = new ArrayList<>(2);
    private volatile boolean deletePending;
    private final ByteRangeLocks locks = new ByteRangeLocks();

    FileState(FileKey key) {
        this.key = key;
    }

    public FileKey key() {
        return key;
    }

    public boolean deletePending() {
        return deletePending;
    }

    public void deletePending(boolean pending) {
        deletePending = pending;
    }

    public ByteRangeLocks locks() {
        return locks;
    }

    /** Number of opens still holding the file (checked under the table lock). */
    int openCount() {
        return opens.size();
    }
}
