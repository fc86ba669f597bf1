package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerTest {
    @Test
    void writesMinimalLengths() {
        assertThat(HexFormat.of().formatHex(Der.tlv(0x04, new byte[3]))).isEqualTo("0403000000");
        assertThat(Der.tlv(0x04, new byte[200])).startsWith(0x04, 0x81, 200);
        assertThat(Der.tlv(0x04, new byte[300])).startsWith(0x04, 0x82, 0x01, 0x2C);
        assertThat(Der.integer(0)).containsExactly(0x02, 0x01, 0x00);
        assertThat(Der.integer(128)).containsExactly(0x02, 0x02, 0x00, 0x80);
    }

    @Test
    void readsWhatItWrites() throws Exception {
        byte[] seq = Der.tlv(Der.SEQUENCE, Der.tlv(Der.context(0), Der.integer(65535)),
                Der.tlv(Der.context(1), Der.generalString("EXAMPLE.TEST")));
        var children = Der.children(Der.readWhole(seq));
        assertThat(children).hasSize(2);
        assertThat(Der.integer(Der.unwrap(children.get(0)))).isEqualTo(65535);
        assertThat(Der.string(Der.unwrap(children.get(1)))).isEqualTo("EXAMPLE.TEST");
        assertThat(children.get(1).encoded()).isEqualTo(Der.tlv(Der.context(1), Der.generalString("EXAMPLE.TEST")));
        assertThat(Der.time(Der.readWhole(Der.tlv(Der.GENERALIZED_TIME, "20261123224344Z".getBytes()))))
                .isEqualTo(Instant.parse("2026-11-23T22:43:44Z"));
    }

    @Test
    void refusesLengthsPastTheEnd() {
        assertThatThrownBy(() -> Der.readWhole(new byte[] {0x04, 0x05, 1, 2})).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Der.readWhole(new byte[] {0x04, (byte) 0x84, 0x7f, 0, 0, 0}))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Der.readWhole(new byte[] {0x04, (byte) 0x80})).hasMessageContaining("length form");
        assertThatThrownBy(() -> Der.readWhole(new byte[] {0x1F, 0x01, 0x00})).hasMessageContaining("multi-byte");
        assertThatThrownBy(() -> Der.readWhole(new byte[] {0x04, 0x00, 0x00})).hasMessageContaining("after");
        assertThatThrownBy(() -> Der.time(Der.readWhole(Der.tlv(Der.GENERALIZED_TIME, "2026".getBytes()))))
                .hasMessageContaining("KerberosTime");
    }
}
