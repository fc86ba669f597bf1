package org.bossa.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HexFormat;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.junit.jupiter.api.Test;

class AuthenticatorChecksumTest {

    @Test
    void theGssTypeSurvivesKerbysDecoder() throws Exception {
        CheckSum decoded = new CheckSum();
        decoded.decode(AuthenticatorChecksum.of(null, EnumSet.of(ContextFlag.MUTUAL)).toKerby().encode());
        assertThat(AuthenticatorChecksum.typeOf(decoded)).isEqualTo(AuthenticatorChecksum.CHECKSUM_TYPE);
    }

    /** Found by fuzzing: Kerby reads an empty INTEGER as null and fails re-encoding it. */
    @Test
    void anEmptyChecksumTypeIsADefectiveTokenNotAnUncheckedException() throws Exception {
        // Checksum ::= SEQUENCE { cksumtype [0] INTEGER (zero length), checksum [1] OCTET STRING (2 bytes) }
        byte[] der = HexFormat.of().parseHex("300aa0020200a1040402abcd");
        CheckSum decoded = new CheckSum();
        decoded.decode(der);
        assertThatThrownBy(() -> AuthenticatorChecksum.typeOf(decoded)).isInstanceOf(GssException.class)
                .hasMessageContaining("does not decode");
    }
}
