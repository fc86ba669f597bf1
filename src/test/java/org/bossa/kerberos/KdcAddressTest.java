package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KdcAddressTest {
    @Test
    void parsesHostPortAndBracketedV6() {
        assertThat(KdcAddress.parse("DC1.Example.Test", 88)).isEqualTo(new KdcAddress("dc1.example.test", 88));
        assertThat(KdcAddress.parse("127.0.0.2:1088", 88)).isEqualTo(new KdcAddress("127.0.0.2", 1088));
        assertThat(KdcAddress.parse("[::1]:464", 88)).isEqualTo(new KdcAddress("::1", 464));
        assertThat(KdcAddress.parse("[::1]", 88)).hasToString("[::1]:88");
    }

    @Test
    void refusesMalformedAddresses() {
        assertThatThrownBy(() -> KdcAddress.parse("::1", 88)).hasMessageContaining("brackets");
        assertThatThrownBy(() -> KdcAddress.parse("dc:x", 88)).hasMessageContaining("bad port");
        assertThatThrownBy(() -> KdcAddress.parse("dc:70000", 88)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> KdcAddress.parse("[::1", 88)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> KdcAddress.parse(" ", 88)).hasMessageContaining("empty");
    }
}
