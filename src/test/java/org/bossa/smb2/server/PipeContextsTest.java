package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bossa.auth.Token;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

/** Who counts as an administrator for the pipes (srvsvc's path levels). */
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

    @Test
    void domainAdminsAndBuiltinAdministratorsAre() {
        Sid alice = Sid.parse("S-1-5-21-1-2-3-1104");
        Token domainAdmin = new Token("EXAMPLE", "alice", 11104, 10513, List.of(), false, alice,
                List.of(Sid.parse("S-1-5-21-1-2-3-513"), Sid.parse("S-1-5-21-1-2-3-512")), Set.of());
        Token builtin = new Token("EXAMPLE", "alice", 11104, 10513, List.of(), false, alice,
                List.of(Sid.BUILTIN_ADMINISTRATORS), Set.of());
        Token user = new Token("EXAMPLE", "alice", 11104, 10513, List.of(), false, alice,
                List.of(Sid.parse("S-1-5-21-1-2-3-513"), Sid.parse("S-1-5-21-1-2-3-1512")), Set.of());
        assertThat(PipeContexts.administrator(domainAdmin)).isTrue();
        assertThat(PipeContexts.administrator(builtin)).isTrue();
        assertThat(PipeContexts.administrator(user)).as("a RID ending in 512 is not Domain Admins").isFalse();
    }
}
