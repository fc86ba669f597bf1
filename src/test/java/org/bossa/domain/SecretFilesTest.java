package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secrets file: 0600, the content in full, no temporary file left, an old file replaced whole. */
class SecretFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIs0600WithTheContentAndNothingElseInTheDirectory() throws Exception {
        Path f = dir.resolve("sub").resolve("krb5.keytab");

        SecretFiles.write(f, new byte[] {5, 0, 2, 1});

        assertThat(Files.readAllBytes(f)).containsExactly(5, 0, 2, 1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(f.getParent())) {
            assertThat(left).containsExactly(f);
        }
    }

    @Test
    void anOldWorldReadableFileIsReplacedBy0600() throws Exception {
        Path f = dir.resolve("secrets");
        Files.write(f, new byte[100]);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

        SecretFiles.write(f, "new".getBytes());

        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(f);
        }
    }

    @Test
    void theDirectoryCanBeSynced() throws Exception {
        // the call a crash-safe rename depends on: a directory opened read-only accepts fsync on Linux
        SecretFiles.syncDirectory(dir);
    }
}
