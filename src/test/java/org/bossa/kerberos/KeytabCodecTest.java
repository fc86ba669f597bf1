package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeytabCodecTest {
    static byte[] mitKeytab() throws Exception {
        try (InputStream in = KeytabCodecTest.class.getResourceAsStream("/kerberos/mit-ktutil.keytab")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsAKeytabMitWrote() throws Exception {
        Keytab kt = KeytabCodec.read(mitKeytab());
        assertThat(kt.entries()).hasSize(4);
        KeytabEntry first = kt.entries().getFirst();
        assertThat(first.principal()).isEqualTo(new KerberosName(List.of("alice"), "EXAMPLE.TEST", 1));
        assertThat(first.kvno()).isEqualTo(3);
        assertThat(first.enctype()).isEqualTo(18);
        assertThat(HexFormat.of().formatHex(first.key()))
                .isEqualTo("4f0f6fdb96d281ff991bc202ca3cc25bfad5e42ce7d31f1394aeb00c2e36ed1b");
        KeytabEntry http = kt.entries().get(2);
        assertThat(http.principal().components()).containsExactly("HTTP", "web.example.test");
        assertThat(http.kvno()).as("the 32-bit kvno overrides the 8-bit one (44)").isEqualTo(300);
        assertThat(kt.entries().get(3).enctype()).isEqualTo(23);
        assertThat(kt.latestKeys(KerberosName.parse("alice@EXAMPLE.TEST", null))).hasSize(3);
    }

    @Test
    void writesTheSameBytesMitWrote() throws Exception {
        byte[] mit = mitKeytab();
        assertThat(KeytabCodec.write(KeytabCodec.read(mit))).isEqualTo(mit);
    }

    @Test
    void roundTripsAnyEntry() throws Exception {
        Keytab kt = new Keytab(List.of(
                new KeytabEntry(KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null), Instant.ofEpochSecond(1_700_000_000L),
                        0xFFFFFFFFL, 17, new byte[16]),
                new KeytabEntry(KerberosName.parse("cifs/krbtest1.example.test@EXAMPLE.TEST", null),
                        Instant.ofEpochSecond(0), 2, 18, new byte[32])));
        assertThat(KeytabCodec.read(KeytabCodec.write(kt))).isEqualTo(kt);
    }

    @Test
    void anEightBitKvnoAloneIsRead() throws Exception {
        byte[] mit = mitKeytab();
        // drop the trailing 32-bit kvno of the first entry (size 0x48 -> 0x44)
        byte[] old = new byte[mit.length - 4];
        System.arraycopy(mit, 0, old, 0, 2 + 4 + 0x44);
        System.arraycopy(mit, 2 + 4 + 0x48, old, 2 + 4 + 0x44, mit.length - (2 + 4 + 0x48));
        old[5] = 0x44;
        assertThat(KeytabCodec.read(old).entries().getFirst().kvno()).isEqualTo(3);
    }

    @Test
    void holesAndZeroSizeAreHandled() throws Exception {
        byte[] mit = mitKeytab();
        byte[] withHole = new byte[mit.length + 8];
        System.arraycopy(mit, 0, withHole, 0, 2);
        withHole[2] = (byte) 0xFF; withHole[3] = (byte) 0xFF; withHole[4] = (byte) 0xFF; withHole[5] = (byte) 0xFC; // -4
        System.arraycopy(mit, 2, withHole, 10, mit.length - 2);
        assertThat(KeytabCodec.read(withHole).entries()).hasSize(4);
        byte[] withEnd = Arrays.copyOf(mit, mit.length + 4 + 20); // size 0, then reserved space
        assertThat(KeytabCodec.read(withEnd).entries()).hasSize(4);
    }

    @Test
    void everyTruncationFailsCleanlyOrEndsAtAnEntry() throws Exception {
        byte[] mit = mitKeytab();
        for (int n = 0; n < mit.length; n++) {
            byte[] cut = Arrays.copyOf(mit, n);
            try {
                Keytab kt = KeytabCodec.read(cut);
                assertThat(KeytabCodec.write(kt)).as("a clean cut at %d", n).isEqualTo(cut);
            } catch (KeytabFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void refusesBadLengthsAndVersions() throws Exception {
        byte[] mit = mitKeytab();
        byte[] v501 = mit.clone();
        v501[1] = 0x01;
        assertThatThrownBy(() -> KeytabCodec.read(v501)).hasMessageContaining("0x501");
        byte[] huge = mit.clone();
        huge[2] = 0x7F;
        assertThatThrownBy(() -> KeytabCodec.read(huge)).hasMessageContaining("claims");
        byte[] noComponents = mit.clone();
        noComponents[7] = 0;
        assertThatThrownBy(() -> KeytabCodec.read(noComponents)).hasMessageContaining("0 name components");
        byte[] longRealm = mit.clone();
        longRealm[8] = 0x7F;
        assertThatThrownBy(() -> KeytabCodec.read(longRealm)).hasMessageContaining("realm of");
        byte[] longKey = mit.clone();
        longKey[0x28] = 0x7F; // high byte of the first key's length
        assertThatThrownBy(() -> KeytabCodec.read(longKey)).hasMessageContaining("key of");
    }
}
