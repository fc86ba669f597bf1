package org.bossa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.auth.Token;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

/** Domain users' tokens through the rid mapping (range 10000-999999, base RID 0, as Samba's usual setup). */
class DomainTokensTest {

    private static final String DOMAIN = "S-1-5-21-1-2-3";
    private final DomainTokens tokens = DomainTokens.forDomain(DOMAIN, "10000-999999");

    @Test
    void aliceMapsToHerRidBasedIdsWithOnlyTheDomainsOtherGroups() {
        Optional<Token> token = tokens.tokenFor(user(DOMAIN + "-1103", DOMAIN + "-513",
                List.of(DOMAIN + "-513", DOMAIN + "-1107", "S-1-5-32-545", "S-1-5-21-9-9-9-5")));

        assertThat(token).isPresent();
        Token t = token.get();
        assertThat(t.uid()).isEqualTo(11103);
        assertThat(t.gid()).isEqualTo(10513);
        // the primary group is not repeated; BUILTIN\Users and another domain's group have no id
        assertThat(t.supplementaryGids()).containsExactly(11107L);
        assertThat(t.domain()).isEqualTo("FIXTURE");
        assertThat(t.account()).isEqualTo("alice");
        assertThat(t.anonymous()).isFalse();
    }

    @Test
    void aUserBeyondTheRangeGetsNoToken() {
        DomainTokens narrow = DomainTokens.forDomain(DOMAIN, "10000-10999");
        assertThat(narrow.tokenFor(user(DOMAIN + "-1103", DOMAIN + "-513", List.of(DOMAIN + "-513")))).isEmpty();
    }

    @Test
    void aUserOfAnotherDomainGetsNoToken() {
        assertThat(tokens.tokenFor(user("S-1-5-21-9-9-9-1103", DOMAIN + "-513", List.of(DOMAIN + "-513")))).isEmpty();
    }

    @Test
    void aPrimaryGroupWithoutAnIdGivesNoToken() {
        assertThat(tokens.tokenFor(user(DOMAIN + "-1103", "S-1-5-21-9-9-9-513", List.of(DOMAIN + "-1107")))).isEmpty();
    }

    private static AuthenticatedUser user(String userSid, String primaryGroup, List<String> groups) {
        return AuthenticatedUser.domainUser(new DomainIdentity("alice", "FIXTURE", "fixture.test", Sid.parse(userSid),
                Sid.parse(primaryGroup), groups.stream().map(Sid::parse).toList()));
    }
}
