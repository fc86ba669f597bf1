package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

class WellKnownSidsTest {

    @Test
    void sidsToNames() {
        assertThat(WellKnownSids.bySid(Sid.EVERYONE)).contains(new Principal(Sid.EVERYONE, "", "Everyone",
                SidType.WELL_KNOWN_GROUP));
        assertThat(WellKnownSids.bySid(Sid.AUTHENTICATED_USERS).orElseThrow().qualifiedName('\\'))
                .isEqualTo("NT AUTHORITY\\Authenticated Users");
        assertThat(WellKnownSids.bySid(Sid.BUILTIN_ADMINISTRATORS)).contains(new Principal(Sid.BUILTIN_ADMINISTRATORS,
                "BUILTIN", "Administrators", SidType.ALIAS));
        assertThat(WellKnownSids.bySid(Sid.LOCAL_SYSTEM).map(Principal::name)).contains("SYSTEM");
        assertThat(WellKnownSids.bySid(Sid.parse("S-1-5-21-1-2-3-500"))).isEmpty();
        assertThat(WellKnownSids.isWellKnown(Sid.BUILTIN_USERS)).isTrue();
        assertThat(WellKnownSids.isWellKnown(Sid.parse("S-1-5-21-1-2-3-513"))).isFalse();
    }

    @Test
    void namesToSidsQualifiedOrBareIgnoringCase() {
        assertThat(WellKnownSids.byName("BUILTIN\\administrators").map(Principal::sid)).contains(Sid.BUILTIN_ADMINISTRATORS);
        assertThat(WellKnownSids.byName("nt authority\\AUTHENTICATED USERS").map(Principal::sid))
                .contains(Sid.AUTHENTICATED_USERS);
        assertThat(WellKnownSids.byName("Everyone").map(Principal::sid)).contains(Sid.EVERYONE);
        assertThat(WellKnownSids.byName("\\Everyone").map(Principal::sid)).contains(Sid.EVERYONE);
        assertThat(WellKnownSids.byName("Users").map(Principal::sid)).contains(Sid.BUILTIN_USERS);
        assertThat(WellKnownSids.byName("BUILTIN").map(Principal::type)).contains(SidType.DOMAIN);
        // the wrong domain is no match: EXAMPLE\Administrators is the directory's question
        assertThat(WellKnownSids.byName("EXAMPLE\\Administrators")).isEmpty();
        assertThat(WellKnownSids.byName("NT AUTHORITY\\Administrators")).isEmpty();
        assertThat(WellKnownSids.byName("alice")).isEmpty();
        assertThat(WellKnownSids.byName("")).isEmpty();
        assertThat(WellKnownSids.byName("BUILTIN\\")).map(Principal::sid).contains(Sid.BUILTIN);
    }
}
