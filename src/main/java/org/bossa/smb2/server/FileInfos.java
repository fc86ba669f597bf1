package org.bossa.smb2.server;

import org.bossa.fscc.FileInfo;
import org.bossa.fscc.FileTime;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;

/** POSIX stat (plus the DOS attribute xattr) as the neutral {@link FileInfo} the fscc encoders take. */
final class FileInfos {
    private FileInfos() {
    }

    static FileInfo of(FileStat st, DosAttributes.Stored dos, String baseName, String clientName, int access,
                       long position, boolean deletePending) {
        long creation = dos.stored() && dos.creationTime() != 0 ? dos.creationTime() : creationTime(st);
        int attrs = DosAttributes.effective(dos, st, baseName);
        long eof = st.isDirectory() ? 0 : st.size();
        long alloc = st.isDirectory() ? 0 : st.allocationSize();
        // ChangeTime is the modification time, as Samba reports it (Linux cannot set ctime), unless a
        // client set one and the file has not been modified since.
        long mtime = FileTime.fromEpochNanos(st.mtimeNanos());
        return new FileInfo(creation, FileTime.fromEpochNanos(st.atimeNanos()), mtime,
                DosAttributes.changeTime(dos, st, mtime), eof, alloc, attrs, st.ino(), st.nlink(), deletePending,
                st.isDirectory(), 0, access, position, 0, 0, 0, volumeSerial(st), clientName);
    }

    static FileInfo of(FileHandle h, String relPath, int access, long position, boolean deletePending) {
        FileStat st = h.stat();
        return of(st, DosAttributes.read(h), ShareNames.baseName(relPath), ShareNames.toClient(relPath), access,
                position, deletePending);
    }

    /** Birth time when the filesystem knows it, else the oldest of the other times. */
    static long creationTime(FileStat st) {
        long n = st.birthTimeKnown() ? st.btimeNanos()
                : Math.min(st.mtimeNanos(), Math.min(st.ctimeNanos(), st.atimeNanos()));
        return FileTime.fromEpochNanos(n);
    }

    static int volumeSerial(FileStat st) {
        return (int) (st.dev() ^ (st.dev() >>> 32));
    }
}
