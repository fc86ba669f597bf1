package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfTest {
    @TempDir
    Path dir;

    @Test
    void takesTheFirstThreeNameservers() throws Exception {
        Path f = Files.writeString(dir.resolve("resolv.conf"), """
                # comment
                search example.test
                nameserver 10.0.0.1
                nameserver   fd00::1
                nameserver junk
                nameserver 10.0.0.3
                nameserver 10.0.0.4
                """);

        assertThat(ResolvConf.nameservers(f)).extracting(Object::toString)
                .containsExactly("10.0.0.1", "fd00:0:0:0:0:0:0:1", "10.0.0.3");
    }

    @Test
    void noFileMeansTheLocalServer() {
        assertThat(ResolvConf.nameservers(dir.resolve("missing"))).extracting(Object::toString).containsExactly("127.0.0.1");
    }
}
