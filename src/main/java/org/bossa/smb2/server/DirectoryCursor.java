package org.bossa.smb2.server;

import org.bossa.fscc.DirectoryEntry;
import org.bossa.fscc.DosWildcard;
import org.bossa.fscc.FileInfo;
import org.bossa.vfs.DirEntry;
import org.bossa.vfs.DirectoryReader;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;

/**
 * Where a QUERY_DIRECTORY scan of one open directory stands: the pattern, the streaming reader, the
 * synthesized "." and "..", and an entry that did not fit the last reply (kept for the next one).
 * Memory stays bounded however large the directory: entries are produced one at a time.
 */
final class DirectoryCursor implements AutoCloseable {
    private final Open dir;
    private final DosWildcard pattern;
    private final DirectoryReader reader;
    private int synthesized; // 0: "." next, 1: ".." next, 2: done
    private DirectoryEntry pending;
    private boolean returnedAny;

    DirectoryCursor(Open dir, String pattern) {
        this.dir = dir;
        this.pattern = DosWildcard.compile(pattern.isEmpty() ? "*" : pattern);
        this.reader = dir.handle().list();
    }

    String pattern() {
        return pattern.pattern();
    }

    boolean returnedAny() {
        return returnedAny;
    }

    void markReturned() {
        returnedAny = true;
    }

    /** Puts back an entry that did not fit. */
    void unread(DirectoryEntry e) {
        pending = e;
    }

    /** The next matching entry, or null at the end. */
    DirectoryEntry next() {
        if (pending != null) {
            DirectoryEntry e = pending;
            pending = null;
            return e;
        }
        while (synthesized < 2) {
            String name = synthesized == 0 ? "." : "..";
            synthesized++;
            if (pattern.matches(name)) {
                FileStat st = synthesized == 1 ? dir.handle().stat() : parentStat();
                return entry(name, st, DosAttributes.read(dir.handle()));
            }
        }
        DirEntry d;
        while ((d = reader.next()) != null) {
            if (!pattern.matches(d.name())) {
                continue;
            }
            FileStat st;
            try {
                st = reader.statEntry(d.name());
            } catch (VfsException e) {
                continue; // removed since it was listed
            }
            return entry(d.name(), st, storedAttributes(d.name(), st));
        }
        return null;
    }

    private DirectoryEntry entry(String name, FileStat st, DosAttributes.Stored dos) {
        FileInfo fi = FileInfos.of(st, dos, name, name, 0, 0, false);
        return new DirectoryEntry(name, ShortNames.of(name), fi);
    }

    private FileStat parentStat() {
        String path = dir.path();
        if (path.equals(".")) {
            return dir.handle().stat();
        }
        try (FileHandle p = dir.tree().root().open(ShareNames.parent(path), OpenMode.path())) {
            return p.stat();
        } catch (VfsException e) {
            return dir.handle().stat();
        }
    }

    /** Attributes a client set live in an xattr; only regular files and directories can carry one. */
    private DosAttributes.Stored storedAttributes(String name, FileStat st) {
        if (!st.isRegular() && !st.isDirectory()) {
            return new DosAttributes.Stored(false, 0, 0);
        }
        ShareRoot root = dir.tree().root();
        String rel = dir.path().equals(".") ? name : dir.path() + "/" + name;
        OpenMode mode = st.isDirectory() ? OpenMode.read().directory().noFollow() : OpenMode.read().nonDirectory().noFollow();
        try (FileHandle h = root.open(rel, mode)) {
            return DosAttributes.read(h);
        } catch (VfsException e) {
            return new DosAttributes.Stored(false, 0, 0);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
