package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Name lookups against an in-memory directory shaped like AD (schema checks off: AD's attributes). */
class DirectoryNamesTest {
    private static final Sid ENGINEERS = Sid.parse("S-1-5-21-1-2-3-1105");
    private InMemoryDirectoryServer ds;

    @BeforeEach
    void start() throws Exception {
        start(true);
    }

    private void start(boolean withNamingContext) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("DC=example,DC=test");
        config.setSchema(null);
        if (withNamingContext) {
            config.setCustomRootDSEAttributes(List.of(new Attribute("defaultNamingContext", "DC=example,DC=test")));
        }
        ds = new InMemoryDirectoryServer(config);
        ds.add(new Entry("DC=example,DC=test", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        ds.add(new Entry("CN=Users,DC=example,DC=test", new Attribute("objectClass", "container")));
        ds.add(new Entry("CN=Engineers,CN=Users,DC=example,DC=test", new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", "Engineers"), new Attribute("objectSid", ENGINEERS.encode())));
        ds.add(new Entry("CN=alice,CN=Users,DC=example,DC=test", new Attribute("objectClass", "top", "person", "user"),
                new Attribute("sAMAccountName", "alice"),
                new Attribute("objectSid", Sid.parse("S-1-5-21-1-2-3-1103").encode())));
        ds.add(new Entry("CN=Broken,CN=Users,DC=example,DC=test", new Attribute("objectClass", "group"),
                new Attribute("sAMAccountName", "Broken"), new Attribute("objectSid", new byte[] {1, 9, 0})));
        ds.add(new Entry("CN=a*b,CN=Users,DC=example,DC=test", new Attribute("objectClass", "group"),
                new Attribute("sAMAccountName", "a*b"), new Attribute("objectSid", ENGINEERS.withRid(7).encode())));
        ds.startListening();
    }

    @AfterEach
    void stop() {
        ds.shutDown(true);
    }

    @Test
    void aGroupIsFoundBySamAccountNameWithItsSid() throws Exception {
        try (var conn = ds.getConnection()) {
            DirectoryNames names = new DirectoryNames(conn);
            assertThat(names.groupSid("Engineers")).contains(ENGINEERS);
            assertThat(names.groupSid("nosuch")).isEmpty();
            // a user is no group; a filter metacharacter matches only itself
            assertThat(names.groupSid("alice")).isEmpty();
            assertThat(names.groupSid("a*")).isEmpty();
            assertThatThrownBy(() -> names.groupSid("Broken")).isInstanceOf(DomainException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void aDirectoryWithoutANamingContextIsAFailure() throws Exception {
        ds.shutDown(true);
        start(false);
        try (var conn = ds.getConnection()) {
            assertThatThrownBy(() -> new DirectoryNames(conn).groupSid("Engineers"))
                    .isInstanceOf(DomainException.class).hasMessageContaining("defaultNamingContext");
        }
    }

    @Test
    void aLostConnectionIsAFailureNotAMissingGroup() throws Exception {
        var conn = ds.getConnection();
        DirectoryNames names = new DirectoryNames(conn);
        conn.close();
        assertThatThrownBy(() -> names.groupSid("Engineers")).isInstanceOf(DomainException.class);
    }
}
