package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KerberosNameTest {
    @Test
    void parsesUserAndServiceNames() {
        KerberosName user = KerberosName.parse("KRBTEST1$", "EXAMPLE.TEST");
        assertThat(user.components()).containsExactly("KRBTEST1$");
        assertThat(user.realm()).isEqualTo("EXAMPLE.TEST");
        assertThat(user.nameType()).isEqualTo(KerberosName.NT_PRINCIPAL);

        KerberosName svc = KerberosName.parse("cifs/member1.example.test@OTHER.TEST", "EXAMPLE.TEST");
        assertThat(svc.components()).containsExactly("cifs", "member1.example.test");
        assertThat(svc.realm()).isEqualTo("OTHER.TEST");
        assertThat(svc.nameType()).isEqualTo(KerberosName.NT_SRV_INST);
        assertThat(svc).hasToString("cifs/member1.example.test@OTHER.TEST");
    }

    @Test
    void escapesRoundTrip() {
        KerberosName odd = new KerberosName(List.of("a/b", "c@d\\e"), "R", 1);
        assertThat(KerberosName.parse(odd.toString(), null).components()).containsExactly("a/b", "c@d\\e");
    }

    @Test
    void refusesNamesWithoutRealmOrWithEmptyParts() {
        assertThatThrownBy(() -> KerberosName.parse("alice", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KerberosName.parse("a//b@R", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KerberosName.parse("a\\", "R")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void krbtgtAndKerbyConversion() {
        KerberosName tgs = KerberosName.krbtgt("EXAMPLE.TEST");
        assertThat(tgs.isKrbtgt()).isTrue();
        assertThat(KerberosName.fromKerby(tgs.toKerby(), "EXAMPLE.TEST")).isEqualTo(tgs);
        assertThat(KerberosName.parse("x@example.test", null).sameAs(KerberosName.parse("x@EXAMPLE.TEST", null))).isTrue();
    }
}
