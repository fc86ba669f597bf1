package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keytab we write for KRBTEST1$ at the DC's kvno is accepted by MIT's kinit -k and klist -k; after a
 * password change the merged keytab holds both kvnos and kinit -k still works.
 */
class KeytabIT {
    static final String NAME = "KRBTEST1";
    static final String ACCOUNT = NAME + "$";
    private static final KdcClient KDC = new KdcClient(DevDc.config());
    private static final KpasswdClient KPASSWD = KpasswdClient.forRealm(DevDc.config(), KDC.clock());

    @TempDir
    Path dir;

    @BeforeAll
    static void createAccount() throws Exception {
        DevDc.createComputer(NAME);
    }

    @AfterAll
    static void deleteAccount() {
        DevDc.sambaToolQuietly("computer", "delete", NAME);
    }

    @Test
    void mitKinitAcceptsOurKeytabBeforeAndAfterAPasswordChange() throws Exception {
        Path keytab = dir.resolve("krb5.keytab");
        Tgt admin = KDC.asExchange(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray());
        String first = "Krb-Keytab-First-Pw-1";
        KPASSWD.setPassword(KDC.serviceTicket(admin, "kadmin/changepw"), ACCOUNT, first.toCharArray());
        int kvno = DevDc.computerKvno(NAME);
        KeytabFile.merge(keytab, entries(first, kvno));

        String klist = mit(List.of("klist", "-k", "-e", keytab.toString()), keytab);
        assertThat(klist).contains(ACCOUNT + "@" + DevDc.REALM).contains("aes256-cts-hmac-sha1-96")
                .contains("aes128-cts-hmac-sha1-96").containsPattern("(?m)^\\s*" + kvno + " ");
        mit(List.of("kinit", "-k", "-t", keytab.toString(), ACCOUNT + "@" + DevDc.REALM), keytab);

        String second = "Krb-Keytab-Second-Pw-2";
        KPASSWD.changePassword(KDC.asExchangeForService(ACCOUNT, first.toCharArray(), "kadmin/changepw"),
                second.toCharArray());
        int next = DevDc.computerKvno(NAME);
        assertThat(next).isEqualTo(kvno + 1);
        Keytab merged = KeytabFile.merge(keytab, entries(second, next));
        assertThat(merged.entries()).extracting(KeytabEntry::kvno).containsOnly((long) kvno, (long) next).hasSize(4);

        String klist2 = mit(List.of("klist", "-k", "-e", keytab.toString()), keytab);
        assertThat(klist2).containsPattern("(?m)^\\s*" + kvno + " ").containsPattern("(?m)^\\s*" + next + " ");
        mit(List.of("kinit", "-k", "-t", keytab.toString(), ACCOUNT + "@" + DevDc.REALM), keytab);
        // our own client agrees: the latest keys get a TGT
        assertThat(KDC.asExchange(ACCOUNT, merged.latestKeys(KerberosName.parse(ACCOUNT, DevDc.REALM)))
                .clientPrincipal()).isEqualTo(ACCOUNT + "@" + DevDc.REALM);
    }

    private static List<KeytabEntry> entries(String password, int kvno) throws KerberosException {
        KerberosName principal = KerberosName.parse(ACCOUNT, DevDc.REALM);
        String salt = Salts.computer(DevDc.REALM, ACCOUNT);
        List<KeytabEntry> out = new ArrayList<>();
        for (EncryptionKey k : KerberosKeys.fromPassword(password.toCharArray(), salt,
                List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96))) {
            out.add(KeytabEntry.of(principal, Instant.now(), kvno, k));
        }
        return out;
    }

    /** Runs an MIT tool with the DC's krb5.conf and a private credential cache; fails on a non-zero exit. */
    private String mit(List<String> cmd, Path keytab) throws Exception {
        assertThat(Files.exists(keytab)).isTrue();
        return DevDc.run(cmd, Map.of("KRB5_CONFIG", DevDc.KRB5_CONF.toString(),
                "KRB5CCNAME", "FILE:" + dir.resolve("ccache")), true);
    }
}
