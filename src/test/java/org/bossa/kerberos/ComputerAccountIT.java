package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.bossa.kerberos.kpasswd.KpasswdException;
import org.bossa.kerberos.kpasswd.KpasswdResultCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A computer account's life as the join will drive it: the administrator sets its password with
 * kpasswd, the KDC's salt is MS-KILE's formula, keys derived from it get a TGT, and the machine
 * changes its own password with an initial ticket. Runs in order on one account, KRBTEST1$.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputerAccountIT {
    static final String NAME = "KRBTEST1";
    static final String ACCOUNT = NAME + "$";
    static final String FIRST = "Krb-Test-First-Pw-1";
    static final String SECOND = "Krb-Test-Second-Pw-2";
    private static final KdcClient KDC = new KdcClient(DevDc.config());
    private static final KpasswdClient KPASSWD = KpasswdClient.forRealm(DevDc.config(), KDC.clock());

    @BeforeAll
    static void createAccount() throws Exception {
        DevDc.createComputer(NAME);
    }

    @AfterAll
    static void deleteAccount() {
        DevDc.sambaToolQuietly("computer", "delete", NAME);
    }

    @Test
    @Order(1)
    void adminSetsThePasswordWithKpasswd() throws Exception {
        Tgt admin = KDC.asExchange(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray());
        int kvnoBefore = DevDc.computerKvno(NAME);
        KPASSWD.setPassword(KDC.serviceTicket(admin, "kadmin/changepw"), ACCOUNT, FIRST.toCharArray());
        Tgt machine = KDC.asExchange(ACCOUNT, FIRST.toCharArray());
        assertThat(machine.clientPrincipal()).isEqualTo(ACCOUNT + "@" + DevDc.REALM);
        int kvno = DevDc.computerKvno(NAME);
        assertThat(kvno).isEqualTo(kvnoBefore + 1);
        assertThat(KDC.keyVersion(admin, ACCOUNT)).as("kvno from a ticket = msDS-KeyVersionNumber").isEqualTo(kvno);
    }

    @Test
    @Order(2)
    void theKdcsSaltIsTheMsKileFormulaAndItsKeysGetATgt() throws Exception {
        List<SaltInfo> salts = KDC.saltInfo(ACCOUNT);
        assertThat(salts).isNotEmpty();
        String formula = Salts.computer(DevDc.REALM, ACCOUNT);
        assertThat(salts).allSatisfy(s -> assertThat(s.salt()).isEqualTo(formula));
        for (EncryptionType etype : List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96)) {
            EncryptionKey key = KerberosKeys.fromPassword(FIRST.toCharArray(), formula, etype);
            Tgt tgt = KDC.asExchange(ACCOUNT, List.of(key));
            assertThat(tgt.clientPrincipal()).isEqualTo(ACCOUNT + "@" + DevDc.REALM);
        }
        EncryptionKey wrong = KerberosKeys.fromPassword(FIRST.toCharArray(), Salts.user(DevDc.REALM, ACCOUNT),
                EncryptionType.AES256_CTS_HMAC_SHA1_96);
        KdcClientIT.assertFailure(() -> KDC.asExchange(ACCOUNT, List.of(wrong)), KerberosFailure.WRONG_PASSWORD, ACCOUNT);
    }

    @Test
    @Order(3)
    void theMachineChangesItsOwnPasswordWithAnInitialTicket() throws Exception {
        Tgt tgt = KDC.asExchange(ACCOUNT, FIRST.toCharArray());
        assertThatThrownBy(() -> KPASSWD.changePassword(KDC.serviceTicket(tgt, "kadmin/changepw"), SECOND.toCharArray()))
                .isInstanceOfSatisfying(KpasswdException.class, e ->
                        assertThat(e.resultCode()).isEqualTo(KpasswdResultCode.INITIAL_FLAG_NEEDED));

        ServiceTicket initial = KDC.asExchangeForService(ACCOUNT, FIRST.toCharArray(), "kadmin/changepw");
        KPASSWD.changePassword(initial, SECOND.toCharArray());
        assertThat(KDC.asExchange(ACCOUNT, SECOND.toCharArray()).clientPrincipal()).startsWith(ACCOUNT);
        KdcClientIT.assertFailure(() -> KDC.asExchange(ACCOUNT, FIRST.toCharArray()), KerberosFailure.WRONG_PASSWORD,
                ACCOUNT);
    }

    @Test
    @Order(4)
    void anOrdinaryUserMayNotSetTheMachinePassword() throws Exception {
        Tgt alice = KDC.asExchange("alice", System.getProperty("bossa.it.dc.alice-password", "Alice!Passw0rd").toCharArray());
        assertThatThrownBy(() -> KPASSWD.setPassword(KDC.serviceTicket(alice, "kadmin/changepw"), ACCOUNT,
                "Krb-Test-Evil-Pw-3".toCharArray()))
                .isInstanceOfSatisfying(KpasswdException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo(KpasswdResultCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("result code 5").doesNotContain("Krb-Test-Evil-Pw-3");
                });
    }
}
