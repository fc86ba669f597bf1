package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.auth.Privilege;
import org.bossa.auth.Token;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapper;
import org.junit.jupiter.api.Test;

class TokenFactoryTest {
    private static final String DOMAIN = "S-1-5-21-1-2-3";

    /** rid over DOMAIN (10000 + RID), a fixed allocation for BUILTIN\Users, nothing else. */
    private static final IdMapper IDMAP = new IdMapper() {
        private final Map<Sid, Long> allocated = new HashMap<>(Map.of(Sid.BUILTIN_USERS, 3000L));

        @Override
        public OptionalLong toUid(Sid sid) {
            return rid(sid);
        }

        @Override
        public OptionalLong toGid(Sid sid) {
            Long a = allocated.get(sid);
            return a != null ? OptionalLong.of(a) : rid(sid);
        }

        private OptionalLong rid(Sid sid) {
            return sid.domain().equals(Sid.parse(DOMAIN)) ? OptionalLong.of(10000 + sid.rid()) : OptionalLong.empty();
        }

        @Override
        public Optional<Sid> fromUid(long uid) {
            return Optional.empty();
        }

        @Override
        public Optional<Sid> fromGid(long gid) {
            return Optional.empty();
        }
    };
    private final TokenFactory tokens = new TokenFactory(IDMAP);

    @Test
    void aDomainUserKeepsEverySidAndGetsTheMappedIds() {
        Token t = issued(user(DOMAIN + "-1103", DOMAIN + "-513",
                List.of(DOMAIN + "-513", DOMAIN + "-1107", "S-1-18-1", "S-1-5-21-9-9-9-5")));
        assertThat(t.uid()).isEqualTo(11103);
        assertThat(t.gid()).isEqualTo(10513);
        // the primary group is not repeated; BUILTIN\Users has its allocated gid; other SIDs have none
        assertThat(t.supplementaryGids()).containsExactly(11107L, 3000L);
        assertThat(t.groupSids()).contains(Sid.parse(DOMAIN + "-513"), Sid.parse(DOMAIN + "-1107"), Sid.parse("S-1-18-1"),
                Sid.parse("S-1-5-21-9-9-9-5"), Sid.EVERYONE, Sid.NETWORK, Sid.AUTHENTICATED_USERS,
                TokenFactory.THIS_ORGANIZATION, Sid.BUILTIN_USERS).doesNotContain(Sid.BUILTIN_ADMINISTRATORS);
        assertThat(t.groupSids().getFirst()).isEqualTo(Sid.parse(DOMAIN + "-513"));
        assertThat(t.privileges()).isEmpty();
    }

    @Test
    void domainAdminsAreBuiltinAdministratorsWithTheFilePrivileges() {
        Token t = issued(user(DOMAIN + "-500", DOMAIN + "-513", List.of(DOMAIN + "-513", DOMAIN + "-512")));
        assertThat(t.groupSids()).contains(Sid.BUILTIN_ADMINISTRATORS);
        assertThat(t.privileges()).containsExactlyInAnyOrder(Privilege.values());
    }

    @Test
    void anotherDomainsDomainAdminsIsNotOurs() {
        Token t = issued(user(DOMAIN + "-1103", DOMAIN + "-513", List.of("S-1-5-21-9-9-9-512")));
        assertThat(t.groupSids()).doesNotContain(Sid.BUILTIN_ADMINISTRATORS);
    }

    @Test
    void noUidOrNoPrimaryGidIsRefusedWithAReason() {
        TokenFactory.Result r = tokens.tokenFor(user("S-1-5-21-9-9-9-1103", DOMAIN + "-513", List.of()));
        assertThat(r).isInstanceOfSatisfying(TokenFactory.Refused.class, x -> assertThat(x.reason()).contains("no uid"));
        r = tokens.tokenFor(user(DOMAIN + "-1103", "S-1-5-21-9-9-9-513", List.of()));
        assertThat(r).isInstanceOfSatisfying(TokenFactory.Refused.class, x -> assertThat(x.reason()).contains("no gid"));
    }

    private Token issued(AuthenticatedUser u) {
        TokenFactory.Result r = tokens.tokenFor(u);
        assertThat(r).isInstanceOf(TokenFactory.Issued.class);
        return ((TokenFactory.Issued) r).token();
    }

    private static AuthenticatedUser user(String userSid, String primaryGroup, List<String> groups) {
        return AuthenticatedUser.domainUser(new DomainIdentity("alice", "FIXTURE", "fixture.test", Sid.parse(userSid),
                Sid.parse(primaryGroup), groups.stream().map(Sid::parse).toList()));
    }
}
