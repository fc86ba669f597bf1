package org.bossa.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The local accounts in {@code /etc/passwd} (name:password:uid:gid:gecos:home:shell). */
final class PasswdFile {
    static final Path SYSTEM = Path.of("/etc/passwd");

    /** One account: its name, uid and primary gid. */
    record Entry(String name, long uid, long gid) {
    }

    private final List<Entry> entries;

    private PasswdFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads {@code path}; a missing file has no accounts, malformed lines are skipped. */
    static PasswdFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (IOException e) {
            throw new CliException("cannot read " + path + ": " + e.getMessage());
        }
        return new PasswdFile(lines.stream().map(PasswdFile::parse).flatMap(Optional::stream).toList());
    }

    /** The account named exactly {@code name} (POSIX names are case-sensitive). */
    Optional<Entry> lookup(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Whether some account has {@code uid}. */
    boolean hasUid(long uid) {
        return entries.stream().anyMatch(e -> e.uid() == uid);
    }

    private static Optional<Entry> parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 4 || f[0].isEmpty() || f[0].startsWith("#") || f[0].startsWith("+") || f[0].startsWith("-")) {
            return Optional.empty();
        }
        try {
            long uid = Long.parseLong(f[2]);
            long gid = Long.parseLong(f[3]);
            return uid < 0 || gid < 0 ? Optional.empty() : Optional.of(new Entry(f[0], uid, gid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
