package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bossa.auth.Token;
import org.bossa.domain.GroupLookup;
import org.bossa.dtyp.Sid;
import org.bossa.identity.NameResolver;
import org.junit.jupiter.api.Test;

class ShareAdmissionTest {
    private static final ShareAdmission.Scope MEMBER = new ShareAdmission.Scope("FILES1", Optional.of("EXAMPLE"),
            Optional.of("example.test"));
    private static final ShareAdmission.Scope STANDALONE = ShareAdmission.Scope.standalone("FILES1");
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
    private static final Sid ENGINEERS = DOMAIN.withRid(1105);
    private static final Sid SALES = DOMAIN.withRid(1106);

    /** The local user alice: uid 1000, gid 2000, supplementary gid 50. */
    private static final Token LOCAL_ALICE = new Token("FILES1", "alice", 1000, 2000, List.of(50L), false);
    /** The domain user alice, member of Engineers. */
    private static final Token DOMAIN_ALICE = new Token("EXAMPLE", "alice", 11103, 10513, List.of(11105L), false,
            DOMAIN.withRid(1103), List.of(DOMAIN.withRid(513), ENGINEERS), Set.of());
    /** The domain user carol, in no group but Domain Users. */
    private static final Token DOMAIN_CAROL = new Token("EXAMPLE", "carol", 11104, 10513, List.of(), false,
            DOMAIN.withRid(1104), List.of(DOMAIN.withRid(513)), Set.of());

    /** Knows Engineers and Sales of EXAMPLE and the host group staff (gid 50); records what it was asked. */
    private static final class Directory implements NameResolver {
        final List<String> asked = new ArrayList<>();

        @Override
        public GroupLookup lookupGroup(String domain, String name) {
            asked.add(domain + "\\" + name);
            return switch (domain + "\\" + name.toLowerCase()) {
                case "EXAMPLE\\engineers" -> new GroupLookup.Found(ENGINEERS);
                case "EXAMPLE\\sales" -> new GroupLookup.Found(SALES);
                case "FILES1\\staff" -> new GroupLookup.Found(Sid.unixGroup(50));
                default -> GroupLookup.NOT_FOUND;
            };
        }
    }

    private static final NameResolver DC_DOWN = (d, n) -> new GroupLookup.Failed("DC unreachable: connection refused");

    private static ShareAdmission.Outcome admit(Token t, NameResolver names, ShareAdmission.Scope scope, String... entries) {
        return ShareAdmission.parse(List.of(entries), scope).admit(t, names).outcome();
    }

    @Test
    void anEmptyListAdmitsEveryoneWithoutALookup() {
        assertThat(ShareAdmission.parse(List.of(), MEMBER)).isSameAs(ShareAdmission.EVERYONE);
        assertThat(ShareAdmission.EVERYONE.admit(DOMAIN_CAROL, DC_DOWN).admitted()).isTrue();
    }

    @Test
    void anUnqualifiedNameIsTheLocalUserOnly() {
        assertThat(admit(LOCAL_ALICE, DC_DOWN, MEMBER, "alice")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_ALICE, DC_DOWN, MEMBER, "alice")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        assertThat(admit(LOCAL_ALICE, DC_DOWN, MEMBER, "files1\\ALICE")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
    }

    @Test
    void aDomainQualifiedNameIsTheDomainUserOnlyInEitherSpelling() {
        for (String entry : List.of("EXAMPLE\\alice", "example\\Alice", "alice@example.test", "alice@EXAMPLE.TEST")) {
            assertThat(admit(DOMAIN_ALICE, DC_DOWN, MEMBER, entry)).as(entry).isEqualTo(ShareAdmission.Outcome.ADMITTED);
            assertThat(admit(LOCAL_ALICE, DC_DOWN, MEMBER, entry)).as(entry).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
            assertThat(admit(DOMAIN_CAROL, DC_DOWN, MEMBER, entry)).as(entry).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        }
    }

    @Test
    void aDomainGroupAdmitsItsMembersByTheSidInTheirToken() {
        Directory dc = new Directory();
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "+EXAMPLE\\Engineers")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "@example\\engineers")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_CAROL, dc, MEMBER, "+EXAMPLE\\Engineers")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "+EXAMPLE\\Sales")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        assertThat(dc.asked).contains("EXAMPLE\\Engineers", "EXAMPLE\\engineers", "EXAMPLE\\Sales");
    }

    @Test
    void aHostGroupAdmitsByTheTokensGids() {
        Directory dc = new Directory();
        assertThat(admit(LOCAL_ALICE, dc, STANDALONE, "+staff")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(dc.asked).containsExactly("FILES1\\staff");
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "+staff")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
    }

    @Test
    void aSidEntryMatchesTheUserOrAGroupWithoutALookup() {
        assertThat(admit(DOMAIN_ALICE, DC_DOWN, MEMBER, DOMAIN.withRid(1103).toString())).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_ALICE, DC_DOWN, MEMBER, ENGINEERS.toString())).isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_CAROL, DC_DOWN, MEMBER, ENGINEERS.toString())).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        // the Unix alias of a local user's uid, as Samba shows unmapped users
        assertThat(admit(LOCAL_ALICE, DC_DOWN, STANDALONE, "S-1-22-1-1000")).isEqualTo(ShareAdmission.Outcome.ADMITTED);
    }

    @Test
    void anUnresolvableGroupRefusesUnlessAnEntryNeedingNoLookupAdmits() {
        ShareAdmission a = ShareAdmission.parse(List.of("+EXAMPLE\\Engineers", "EXAMPLE\\carol"), MEMBER);
        ShareAdmission.Verdict alice = a.admit(DOMAIN_ALICE, DC_DOWN);
        assertThat(alice.outcome()).isEqualTo(ShareAdmission.Outcome.UNRESOLVED);
        assertThat(alice.entry()).isEqualTo("+EXAMPLE\\Engineers");
        assertThat(alice.reason()).contains("DC unreachable");
        // carol is listed by name: no lookup stands between her and the share, whatever the order
        assertThat(a.admit(DOMAIN_CAROL, DC_DOWN).outcome()).isEqualTo(ShareAdmission.Outcome.ADMITTED);
    }

    @Test
    void aGroupThatDoesNotExistIsSkippedAndTheNextEntryDecides() {
        Directory dc = new Directory();
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "+EXAMPLE\\nosuchgroup", "+EXAMPLE\\Engineers"))
                .isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_CAROL, dc, MEMBER, "+EXAMPLE\\nosuchgroup")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
        // a user's name where a group is meant is no group (the directory looks up groups only)
        assertThat(admit(DOMAIN_ALICE, dc, MEMBER, "+EXAMPLE\\alice")).isEqualTo(ShareAdmission.Outcome.NOT_LISTED);
    }

    @Test
    void aGroupResolvedBeforeTheFailingOneStillAdmits() {
        NameResolver partial = (d, n) -> n.equals("Engineers") ? new GroupLookup.Found(ENGINEERS)
                : new GroupLookup.Failed("timed out");
        assertThat(admit(DOMAIN_ALICE, partial, MEMBER, "+EXAMPLE\\Engineers", "+EXAMPLE\\Sales"))
                .isEqualTo(ShareAdmission.Outcome.ADMITTED);
        assertThat(admit(DOMAIN_CAROL, partial, MEMBER, "+EXAMPLE\\Engineers", "+EXAMPLE\\Sales"))
                .isEqualTo(ShareAdmission.Outcome.UNRESOLVED);
    }

    @Test
    void domainEntriesOnAStandaloneServerAreRefusedAtParse() {
        for (String entry : List.of("EXAMPLE\\alice", "+EXAMPLE\\Engineers", "alice@example.test")) {
            assertThatThrownBy(() -> ShareAdmission.parse(List.of(entry), STANDALONE)).as(entry)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not joined");
        }
    }

    @Test
    void malformedOrUnsupportedEntriesAreRefusedAtParse() {
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("OTHER\\bob"), MEMBER)).hasMessageContaining("OTHER")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("bob@other.test"), MEMBER)).hasMessageContaining("other.test");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("&netgroup"), MEMBER)).hasMessageContaining("netgroups");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("+&netgroup"), MEMBER)).hasMessageContaining("netgroups");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("S-1-5-x"), MEMBER)).hasMessageContaining("not a valid SID");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("  "), MEMBER)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("EXAMPLE\\"), MEMBER)).hasMessageContaining("1 to 256");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("EXAMPLE\\a\\b"), MEMBER)).hasMessageContaining("second");
        assertThatThrownBy(() -> ShareAdmission.parse(List.of("al\u0001ice"), MEMBER)).hasMessageContaining("control");
    }

    @Test
    void parsedEntriesKeepTheirKindAndCanonicalDomain() {
        ShareAdmission a = ShareAdmission.parse(List.of("+example\\Engineers", "bob", "example\\carol", "S-1-5-32-544"), MEMBER);
        assertThat(a.entries()).containsExactly(new ShareAdmission.User("FILES1", "bob"),
                new ShareAdmission.User("EXAMPLE", "carol"), new ShareAdmission.SidEntry(Sid.BUILTIN_ADMINISTRATORS),
                new ShareAdmission.Group("EXAMPLE", "Engineers"));
    }
}
