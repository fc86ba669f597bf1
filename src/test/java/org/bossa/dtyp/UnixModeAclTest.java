package org.bossa.dtyp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnixModeAclTest {
    static final Sid OWNER = Sid.unixUser(1000);
    static final Sid GROUP = Sid.unixGroup(100);

    @Test
    void fileMode0644() {
        Acl dacl = UnixModeAcl.daclFromMode(OWNER, GROUP, 0644, false);
        assertThat(dacl.aces()).containsExactly(
                Ace.allowed(OWNER, AccessMask.FILE_GENERIC_READ | AccessMask.FILE_GENERIC_WRITE, 0),
                Ace.allowed(GROUP, AccessMask.FILE_GENERIC_READ, 0),
                Ace.allowed(Sid.EVERYONE, AccessMask.FILE_GENERIC_READ, 0));
        assertThat(UnixModeAcl.modeFromDacl(dacl, OWNER, GROUP)).isEqualTo(0644);
    }

    @Test
    void directoryMode0750() {
        Acl dacl = UnixModeAcl.daclFromMode(OWNER, GROUP, 0750, true);
        int inherit = Ace.OBJECT_INHERIT_ACE | Ace.CONTAINER_INHERIT_ACE;
        assertThat(dacl.aces()).containsExactly(
                Ace.allowed(OWNER, AccessMask.FILE_ALL_ACCESS, inherit),
                Ace.allowed(GROUP, AccessMask.FILE_GENERIC_READ | AccessMask.FILE_GENERIC_EXECUTE, inherit),
                Ace.allowed(Sid.CREATOR_OWNER, AccessMask.FILE_ALL_ACCESS, inherit | Ace.INHERIT_ONLY_ACE),
                Ace.allowed(Sid.CREATOR_GROUP, AccessMask.FILE_GENERIC_READ | AccessMask.FILE_GENERIC_EXECUTE,
                        inherit | Ace.INHERIT_ONLY_ACE));
        assertThat(UnixModeAcl.modeFromDacl(dacl, OWNER, GROUP)).isEqualTo(0750);
        SecurityDescriptor sd = UnixModeAcl.descriptorFromMode(OWNER, GROUP, 0750, true);
        assertThat(SecurityDescriptor.decode(sd.encode())).isEqualTo(sd);
    }

    @Test
    void everyModeRoundTrips() {
        for (int mode = 0; mode <= 0777; mode++) {
            for (boolean dir : List.of(false, true)) {
                Acl dacl = UnixModeAcl.daclFromMode(OWNER, GROUP, mode, dir);
                int back = UnixModeAcl.modeFromDacl(dacl, OWNER, GROUP);
                // Everyone's bits also reach owner and group, as on Windows
                int other = mode & 7;
                int expected = mode | other << 6 | other << 3;
                assertThat(back).as("mode %o dir %s", mode, dir).isEqualTo(expected);
            }
        }
    }

    @Test
    void denyAcesAndNullDacl() {
        Acl dacl = Acl.of(Ace.denied(OWNER, AccessMask.FILE_WRITE_DATA, 0),
                Ace.allowed(Sid.EVERYONE, AccessMask.GENERIC_ALL, 0));
        assertThat(UnixModeAcl.modeFromDacl(dacl, OWNER, GROUP)).isEqualTo(0577);
        assertThat(UnixModeAcl.modeFromDacl(null, OWNER, GROUP)).isEqualTo(0777);
        assertThat(UnixModeAcl.modeFromDacl(Acl.of(), OWNER, GROUP)).isZero();
    }
}
