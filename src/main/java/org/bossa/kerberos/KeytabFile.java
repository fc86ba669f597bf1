package org.bossa.kerberos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Reads and replaces keytab files. A write never leaves a half-written keytab: the new content goes
 * to a temporary file in the same directory, created with mode 0600 (so the keys are never readable
 * by others, not even for a moment), forced to disk, renamed over the old file, and the directory
 * is forced so the rename itself survives a crash.
 */
public final class KeytabFile {
    /** Refuse to read files larger than this before allocating (a keytab of thousands of keys is ~200 KiB). */
    static final long MAX_SIZE = 16L << 20;

    private KeytabFile() {
    }

    /** The keytab at {@code path}; an empty one when there is no file. */
    public static Keytab read(Path path) throws IOException, KeytabFormatException {
        try {
            long size = Files.size(path);
            if (size > MAX_SIZE) {
                throw new KeytabFormatException(path + " is " + size + " bytes, larger than any keytab we write");
            }
            return KeytabCodec.read(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Keytab.empty();
        }
    }

    /** Replaces {@code path} with {@code keytab} atomically. */
    public static void write(Path path, Keytab keytab) throws IOException {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(KeytabCodec.write(keytab));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename atomically in " + dir, e);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Adds {@code added} (one new kvno per principal) to the keytab at {@code path}, keeping each
     * principal's previous kvno and dropping older ones ({@link Keytab#merge}), atomically.
     */
    public static Keytab merge(Path path, List<KeytabEntry> added) throws IOException, KeytabFormatException {
        Keytab merged = read(path).merge(added);
        write(path, merged);
        return merged;
    }
}
