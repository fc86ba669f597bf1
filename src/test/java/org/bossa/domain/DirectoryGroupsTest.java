package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryGroupsTest {

    private static DomainSettings settings(List<String> controllers) {
        return new DomainSettings("EXAMPLE.TEST", Optional.empty(), new ComputerName("BOSSA1", "example.test"),
                controllers, List.of(), Path.of("/tmp/krb5.keytab"), DomainSettings.LdapProtection.SASL,
                Optional.empty(), false, Optional.empty());
    }

    @Test
    void aDcNothingListensOnIsAFailedLookupNotAMissingGroup() {
        // 127.0.0.9: a loopback address nothing serves LDAP, CLDAP or Kerberos on
        DirectoryGroups groups = new DirectoryGroups(new LiveDomainConnector(), () -> settings(List.of("127.0.0.9")),
                MembershipStoreTest::sample);
        GroupLookup r = groups.lookup("Engineers");
        assertThat(r).isInstanceOf(GroupLookup.Failed.class);
        assertThat(((GroupLookup.Failed) r).reason()).startsWith("dc unreachable");
    }

    @Test
    void settingsThatCannotBeReadAreAFailedLookup() {
        DirectoryGroups groups = new DirectoryGroups(new LiveDomainConnector(), () -> {
            throw new DomainException(DomainException.Cause.CONFIGURATION, "no realm");
        }, MembershipStoreTest::sample);
        assertThat(groups.lookup("Engineers")).isEqualTo(new GroupLookup.Failed("domain settings: no realm"));
    }
}
