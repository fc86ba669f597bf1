package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bossa.domain.GroupLookup;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostGroupsTest {
    @TempDir
    Path dir;

    @Test
    void aGroupIsItsGidsUnixAliasAndNamesAreExact() throws IOException {
        Path f = dir.resolve("group");
        Files.writeString(f, String.join("\n", "# comment", "root:x:0:", "+nisgroup", "broken:x:notanumber:",
                "staff:x:50:alice,bob", "Staff2:x:51:", ""));
        HostGroups g = new HostGroups(f);
        assertThat(g.lookup("staff")).isEqualTo(new GroupLookup.Found(Sid.unixGroup(50)));
        assertThat(g.lookup("root")).isEqualTo(new GroupLookup.Found(Sid.unixGroup(0)));
        assertThat(g.lookup("STAFF")).isEqualTo(GroupLookup.NOT_FOUND);
        assertThat(g.lookup("broken")).isEqualTo(GroupLookup.NOT_FOUND);
        assertThat(g.lookup("nisgroup")).isEqualTo(GroupLookup.NOT_FOUND);
    }

    @Test
    void aUsersMembershipsAreTheGroupsListingIt() throws IOException {
        Path f = dir.resolve("group");
        Files.writeString(f, String.join("\n", "root:x:0:", "staff:x:50:alice,bob", "audio:x:29:bob",
                "video:x:44:alice", "malice:x:60:malice", "broken:x:x:alice", ""));
        HostGroups g = new HostGroups(f);
        assertThat(g.memberships("alice")).containsExactly(50L, 44L);
        assertThat(g.memberships("bob")).containsExactly(50L, 29L);
        assertThat(g.memberships("carol")).isEmpty();
        assertThat(new HostGroups(dir.resolve("nonexistent")).memberships("alice")).isEmpty();
    }

    @Test
    void aMissingGroupFileIsAFailureNotAnAbsentGroup() {
        assertThat(new HostGroups(dir.resolve("nonexistent")).lookup("staff")).isInstanceOf(GroupLookup.Failed.class);
    }
}
