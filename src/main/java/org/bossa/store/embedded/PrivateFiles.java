package org.bossa.store.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.bossa.store.StateStoreException;

/**
 * Creates and checks files only their owner may read: the state directory (0700) and the
 * database with its -wal and -shm companions (0600). Files are created with their final mode
 * (the umask can only take bits away, and any it takes from the owner are put back at once), and
 * existing ones with group or other bits are tightened, so a secret never sits in a file anyone
 * else can read.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) as 0700, or makes an existing one 0700. */
    static void ensureDirectory(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile; checked below
                }
            }
            if (!Files.isDirectory(dir)) {
                throw new StateStoreException("state directory " + dir + " exists and is not a directory");
            }
            restrict(dir, DIR_MODE, true);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StateStoreException("cannot create state directory " + dir + ": " + e, e);
        }
    }

    /**
     * Creates the regular file {@code file} empty with mode 0600, or makes an existing one 0600.
     * A symbolic link is refused.
     */
    static void ensureFile(Path file) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
            } catch (FileAlreadyExistsException exists) {
                // checked below
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new StateStoreException(file + " is not a regular file");
            }
            restrict(file, FILE_MODE, false);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StateStoreException("cannot create " + file + ": " + e, e);
        }
    }

    /** Makes {@code file} 0600 if it exists (SQLite creates -wal and -shm on demand). */
    static void restrictIfPresent(Path file) {
        try {
            restrict(file, FILE_MODE, false);
        } catch (NoSuchFileException gone) {
            // SQLite removed it, or has not created it yet
        } catch (IOException | UnsupportedOperationException e) {
            throw new StateStoreException("cannot restrict the permissions of " + file + ": " + e, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode, boolean followLinks)
            throws IOException {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, options);
        if (view == null) {
            throw new UnsupportedOperationException("the file system has no POSIX permissions");
        }
        Set<PosixFilePermission> current = view.readAttributes().permissions();
        if (!current.equals(mode)) {
            if (!mode.containsAll(current)) {
                LOG.log(System.Logger.Level.WARNING, "{0} had mode {1}; setting {2}", path,
                        PosixFilePermissions.toString(current), PosixFilePermissions.toString(mode));
            }
            view.setPermissions(mode);
        }
    }
}
