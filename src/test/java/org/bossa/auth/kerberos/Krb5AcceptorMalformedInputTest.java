package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.auth.kerberos.Krb5AcceptorTest.SMB_FLAGS;
import static org.bossa.auth.kerberos.TestRealm.NOW;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.bossa.auth.kerberos.AcceptResult.Accepted;
import org.bossa.auth.kerberos.AcceptResult.Rejected;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.kerberos.gss.Krb5MechToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever arrives, {@link Krb5Acceptor#accept} answers with a result and never throws. */
class Krb5AcceptorMalformedInputTest {
    @TempDir
    Path dir;
    final TestRealm realm = new TestRealm();
    Krb5Acceptor acceptor;
    byte[] good;

    @BeforeEach
    void setUp() throws Exception {
        Path keytab = dir.resolve("krb5.keytab");
        realm.writeKeytab(keytab, 2);
        acceptor = new Krb5Acceptor(new KeytabServiceKeys(keytab), new ReplayCache(100_000), AcceptorPolicy.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        good = new Krb5InitiatorContext(realm.issue(new TestRealm.Spec()), SMB_FLAGS, null, new SecureRandom(),
                Clock.fixed(NOW, ZoneOffset.UTC)).initialToken();
    }

    Rejected rejected(byte[] token) {
        AcceptResult result = acceptor.accept(token);
        assertThat(result).isInstanceOf(Rejected.class);
        return (Rejected) result;
    }

    @Test
    void everyPrefixOfAGoodTokenIsMalformed() throws Exception {
        for (int n = 0; n < good.length; n++) {
            Rejected r = rejected(Arrays.copyOf(good, n));
            assertThat(r.kind()).as("prefix of %d bytes: %s", n, r.reason()).isEqualTo(Kind.MALFORMED);
        }
        byte[] bare = Krb5MechToken.decode(good).body();
        for (int n = 0; n < bare.length; n++) {
            assertThat(rejected(Arrays.copyOf(bare, n)).kind()).isEqualTo(Kind.MALFORMED);
        }
        assertThat(acceptor.accept(good)).isInstanceOf(Accepted.class);
    }

    @Test
    void everySingleBitFlipGivesAResult() {
        for (int i = 0; i < good.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] t = good.clone();
                t[i] ^= (byte) bit;
                assertThat(acceptor.accept(t)).isNotNull();
            }
        }
    }

    @Test
    void trailingBytesAfterTheApReqAreMalformed() throws Exception {
        byte[] bare = Krb5MechToken.decode(good).body();
        assertThat(rejected(Arrays.copyOf(bare, bare.length + 1)).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(rejected(Arrays.copyOf(good, good.length + 3)).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void randomGarbageIsMalformed() {
        Random random = new Random(4121);
        for (int i = 0; i < 2000; i++) {
            byte[] t = new byte[random.nextInt(600)];
            random.nextBytes(t);
            if (i % 3 == 0 && t.length > 0) {
                t[0] = 0x60;
            } else if (i % 3 == 1 && t.length > 0) {
                t[0] = 0x6e;
            }
            assertThat(rejected(t).kind()).isEqualTo(Kind.MALFORMED);
        }
        assertThat(rejected(null).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void deepNestingIsRefusedBeforeKerbySeesIt() {
        // [APPLICATION 14] around thousands of nested SEQUENCEs: Kerby's recursive parser would overflow the stack
        int depth = 12_000;
        byte[] inner = new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] lengths = new int[depth + 1];
        for (int level = depth - 1; level >= 0; level--) {
            lengths[level] = lengths[level + 1] + 5;
        }
        out.write(0x6e);
        writeLength(out, lengths[0]);
        for (int level = 0; level < depth; level++) {
            out.write(0x30);
            writeLength(out, lengths[level + 1]);
        }
        out.writeBytes(inner);
        byte[] token = out.toByteArray();
        assertThat(token.length).isLessThan(AcceptorPolicy.DEFAULT_MAX_TOKEN_BYTES);
        Rejected r = rejected(token);
        assertThat(r.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(r.reason()).contains("nested deeper");
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        out.write(0x83);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    @Test
    void oversizedTokenIsRefusedUnread() {
        byte[] big = Arrays.copyOf(good, AcceptorPolicy.DEFAULT_MAX_TOKEN_BYTES + 1);
        assertThat(rejected(big).kind()).isEqualTo(Kind.TOO_LARGE);
    }

    @Test
    void otherMechanismsAndTokenIdsAreMalformed() throws Exception {
        int oidAt = good[1] >= 0 ? 2 : 2 + (good[1] & 0x7f);
        byte[] spnegoOid = good.clone();
        spnegoOid[oidAt + 10] = 0x03; // 1.2.840.113554.1.2.3, not Kerberos
        assertThat(rejected(spnegoOid).reason()).contains("another mechanism");

        byte[] apRepId = good.clone();
        int tokIdAt = oidAt + GssFraming.KRB5_OID.length;
        apRepId[tokIdAt] = 0x02;
        assertThat(rejected(apRepId).reason()).contains("0200");

        byte[] krbErrorInside = Krb5MechToken.decode(good).body();
        krbErrorInside[0] = 0x7e; // [APPLICATION 30]
        assertThat(rejected(new Krb5MechToken(Krb5MechToken.AP_REQ, krbErrorInside).encode()).kind())
                .isEqualTo(Kind.MALFORMED);
    }
}
