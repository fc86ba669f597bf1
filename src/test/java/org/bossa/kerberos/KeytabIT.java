package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keytab we write for KRBTEST1$ at the DC's kvno is accepted by MIT's kinit -k and klist -k; after a
 * password change the merged keytab holds both kvnos and kinit -k still works. Runs at the fixture's DC.
 */
@ExtendWith(LoopbackDc.class)
class KeytabIT {
    static final String NAME = "KRBTEST1";
    static final String ACCOUNT = NAME + "$";
    @RegisterExtension
    static final TestComputerAccount COMPUTER = new TestComputerAccount(NAME);
    private final DcInfo dc = COMPUTER.dc();
    private final KdcClient kdc = COMPUTER.kdc();
    private final KpasswdClient kpasswd = COMPUTER.kpasswd();

    @TempDir
    Path dir;

    @Test
    void mitKinitAcceptsOurKeytabBeforeAndAfterAPasswordChange() throws Exception {
        Path keytab = dir.resolve("krb5.keytab");
        Tgt admin = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        String first = "Krb-Keytab-First-Pw-1";
        kpasswd.setPassword(kdc.serviceTicket(admin, "kadmin/changepw"), ACCOUNT, first.toCharArray());
        int kvno = dc.computerKvno(NAME);
        KeytabFile.merge(keytab, entries(first, kvno));

        String klist = mit(List.of("klist", "-k", "-e", keytab.toString()), keytab);
        assertThat(klist).contains(ACCOUNT + "@" + dc.realm()).contains("aes256-cts-hmac-sha1-96")
                .contains("aes128-cts-hmac-sha1-96").containsPattern("(?m)^\\s*" + kvno + " ");
        kinitWithKeytab(keytab);

        String second = "Krb-Keytab-Second-Pw-2";
        kpasswd.changePassword(kdc.asExchangeForService(ACCOUNT, first.toCharArray(), "kadmin/changepw"),
                second.toCharArray());
        int next = dc.computerKvno(NAME);
        assertThat(next).isEqualTo(kvno + 1);
        Keytab merged = KeytabFile.merge(keytab, entries(second, next));
        assertThat(merged.entries()).extracting(KeytabEntry::kvno).containsOnly((long) kvno, (long) next).hasSize(4);

        String klist2 = mit(List.of("klist", "-k", "-e", keytab.toString()), keytab);
        assertThat(klist2).containsPattern("(?m)^\\s*" + kvno + " ").containsPattern("(?m)^\\s*" + next + " ");
        kinitWithKeytab(keytab);
        // our own client agrees: the latest keys get a TGT
        assertThat(kdc.asExchange(ACCOUNT, merged.latestKeys(KerberosName.parse(ACCOUNT, dc.realm())))
                .clientPrincipal()).isEqualTo(ACCOUNT + "@" + dc.realm());
    }

    private List<KeytabEntry> entries(String password, int kvno) throws KerberosException {
        KerberosName principal = KerberosName.parse(ACCOUNT, dc.realm());
        String salt = Salts.computer(dc.realm(), ACCOUNT);
        List<KeytabEntry> out = new ArrayList<>();
        for (EncryptionKey k : KerberosKeys.fromPassword(password.toCharArray(), salt,
                List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96))) {
            out.add(KeytabEntry.of(principal, Instant.now(), kvno, k));
        }
        return out;
    }

    /** MIT kinit -k for the account, into a private credential cache; fails on a non-zero exit. */
    private void kinitWithKeytab(Path keytab) {
        mit(List.of("kinit", "-k", "-t", keytab.toString(), "-c", "FILE:" + dir.resolve("ccache"),
                ACCOUNT + "@" + dc.realm()), keytab);
    }

    /** Runs an MIT tool with the DC's krb5.conf; fails on a non-zero exit. */
    private String mit(List<String> cmd, Path keytab) {
        assertThat(Files.exists(keytab)).isTrue();
        ToolResult result = dc.run(cmd, null);
        assertThat(result.succeeded()).as("%s: %s", String.join(" ", cmd), result).isTrue();
        return result.output();
    }
}
