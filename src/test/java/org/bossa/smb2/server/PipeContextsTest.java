package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bossa.auth.Token;
import org.junit.jupiter.api.Test;

/** Who counts as an administrator for the pipes (srvsvc's path levels): root only, until tokens carry SIDs. */
class PipeContextsTest {

    @Test
    void rootIsAnAdministrator() {
        assertThat(PipeContexts.administrator(new Token("BOSSA", "root", 0, 0, List.of(), false))).isTrue();
    }

    @Test
    void otherUsersAndAnonymousAreNot() {
        assertThat(PipeContexts.administrator(new Token("EXAMPLE", "alice", 10001, 10001, List.of(0L), false)))
                .as("membership of gid 0 is not enough").isFalse();
        assertThat(PipeContexts.administrator(new Token("", "", 0, 0, List.of(), true))).isFalse();
    }
}
