package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeytabFileTest {
    @TempDir
    Path dir;

    private static final KerberosName HOST = KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null);

    @Test
    void writesWithMode0600AndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("krb5.keytab");
        Files.writeString(file, "old content");
        Keytab kt = new Keytab(List.of(new KeytabEntry(HOST, Instant.ofEpochSecond(1), 2, 18, new byte[32])));
        KeytabFile.write(file, kt);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(KeytabFile.read(file)).isEqualTo(kt);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void readOfAMissingFileIsEmptyAndMergeCreatesIt() throws Exception {
        Path file = dir.resolve("new.keytab");
        assertThat(KeytabFile.read(file).entries()).isEmpty();
        KeytabEntry v2 = new KeytabEntry(HOST, Instant.ofEpochSecond(2), 2, 18, new byte[32]);
        KeytabEntry v3 = new KeytabEntry(HOST, Instant.ofEpochSecond(3), 3, 18, new byte[32]);
        KeytabEntry v4 = new KeytabEntry(HOST, Instant.ofEpochSecond(4), 4, 18, new byte[32]);
        KeytabFile.merge(file, List.of(v2));
        KeytabFile.merge(file, List.of(v3));
        KeytabFile.merge(file, List.of(v4));
        assertThat(KeytabFile.read(file).entries()).containsExactly(v3, v4);
    }
}
