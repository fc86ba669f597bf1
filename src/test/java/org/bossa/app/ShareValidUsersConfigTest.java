package org.bossa.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid-users entry naming a domain on a server that is not joined stops start-up, naming the key. */
class ShareValidUsersConfigTest {
    @TempDir
    Path dir;

    private static BossaProperties.Share share(String name, Path path, String... validUsers) {
        BossaProperties.Share s = new BossaProperties.Share();
        s.setName(name);
        s.setPath(path);
        s.setValidUsers(List.of(validUsers));
        return s;
    }

    @Test
    void aDomainEntryOnAStandaloneServerNamesItsKey() {
        BossaProperties props = new BossaProperties();
        props.setStateDir(dir.resolve("state"));
        props.setNetbiosName("FILES1");
        props.setShares(List.of(share("open", dir.resolve("open"), "alice", "+staff"),
                share("team", dir.resolve("team"), "bob", "EXAMPLE\\alice")));
        ServerLifecycle lifecycle = new ServerLifecycle(props);
        try {
            assertThatThrownBy(lifecycle::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("bossa.shares[1].valid-users: 'EXAMPLE\\alice' names a domain")
                    .hasMessageContaining("not joined");
        } finally {
            lifecycle.stop();
        }
    }
}
