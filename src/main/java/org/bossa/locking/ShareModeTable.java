package org.bossa.locking;

import java.util.HashMap;
import java.util.Map;
import static org.bossa.dtyp.AccessMask.DELETE;
import static org.bossa.dtyp.AccessMask.FILE_APPEND_DATA;
import static org.bossa.dtyp.AccessMask.FILE_EXECUTE;
import static org.bossa.dtyp.AccessMask.FILE_READ_DATA;
import static org.bossa.dtyp.AccessMask.FILE_WRITE_DATA;

import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ShareAccess;

/**
 * Server-wide table of open files, keyed by {@link FileKey}, enforcing share modes
 * (MS-FSA 2.1.5.1.2.1: an open's access must be shared by every other open, and its share mode must
 * admit their access).
 */
public final class ShareModeTable {
    /** The result of {@link #acquire}: the file's state, or the status that refuses the open. */
    public record Admission(FileState state, NtStatus status) {
        public boolean granted() {
            return state != null;
        }
    }

    /** Opens with none of these bits are "attribute-only" and never conflict (MS-FSA 2.1.5.1.2). */
    private static final int DATA_ACCESS = FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_EXECUTE | DELETE;

    private final Map<FileKey, FileState> files = new HashMap<>();

    public synchronized Admission acquire(FileKey key, OpenOwner owner, int access, int share) {
        FileState st = files.get(key);
        if (st != null) {
            if (st.deletePending()) {
                return new Admission(null, NtStatus.DELETE_PENDING);
            }
            if ((access & DATA_ACCESS) != 0) {
                for (FileState.OpenRecord o : st.opens) {
                    if ((o.access() & DATA_ACCESS) != 0 && conflicts(access, share, o.access(), o.share())) {
                        return new Admission(null, NtStatus.SHARING_VIOLATION);
                    }
                }
            }
        } else {
            st = new FileState(key);
            files.put(key, st);
        }
        st.opens.add(new FileState.OpenRecord(owner, access, share));
        return new Admission(st, NtStatus.SUCCESS);
    }

    /**
     * Removes one open; returns true when it was the last, so the caller performs a pending delete.
     * Its byte-range locks are dropped too, outside the table's monitor: that wakes other opens'
     * blocked LOCK requests, whose replies need not wait on every CREATE and CLOSE of the server.
     */
    public boolean release(FileState st, OpenOwner owner) {
        boolean last;
        synchronized (this) {
            st.opens.removeIf(o -> o.owner() == owner);
            last = st.openCount() == 0;
            if (last) {
                files.remove(st.key());
            }
        }
        st.locks().releaseAll(owner);
        return last;
    }

    /** Would an open with these bits now be admitted? (SET_INFO rename needs DELETE-shared opens.) */
    public synchronized boolean othersShareDelete(FileState st, OpenOwner owner) {
        for (FileState.OpenRecord o : st.opens) {
            if (o.owner() != owner && (o.share() & ShareAccess.DELETE) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rename into a directory changes the directory, so it conflicts with any other open of that
     * directory that holds DELETE or did not share write (Samba's rename destination-parent check,
     * MS-FSA 2.1.5.14.10).
     */
    public synchronized boolean parentBlocksRename(FileKey parent, OpenOwner renamer) {
        FileState st = files.get(parent);
        if (st == null) {
            return false;
        }
        for (FileState.OpenRecord o : st.opens) {
            if (o.owner() != renamer
                    && ((o.access() & DELETE) != 0 || (o.share() & ShareAccess.WRITE) == 0)) {
                return true;
            }
        }
        return false;
    }

    /** Files with at least one open (tests and diagnostics). */
    public synchronized int size() {
        return files.size();
    }

    public synchronized FileState find(FileKey key) {
        return files.get(key);
    }

    static boolean conflicts(int access, int share, int otherAccess, int otherShare) {
        return denied(access, otherShare) || denied(otherAccess, share);
    }

    private static boolean denied(int access, int share) {
        if ((access & (FILE_READ_DATA | FILE_EXECUTE)) != 0 && (share & ShareAccess.READ) == 0) {
            return true;
        }
        if ((access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0
                && (share & ShareAccess.WRITE) == 0) {
            return true;
        }
        return (access & DELETE) != 0 && (share & ShareAccess.DELETE) == 0;
    }
}
