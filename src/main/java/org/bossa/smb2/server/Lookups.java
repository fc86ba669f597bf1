package org.bossa.smb2.server;

import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;

/** Name lookups the handlers share. */
final class Lookups {
    private Lookups() {
    }

    /** The stat of {@code rel} beneath the root, or null when nothing has that name. */
    static FileStat statOrNull(ShareRoot root, String rel) {
        try (FileHandle h = root.open(rel, OpenMode.path())) {
            return h.stat();
        } catch (VfsException e) {
            if (e.status() == NtStatus.OBJECT_NAME_NOT_FOUND || e.status() == NtStatus.OBJECT_PATH_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
