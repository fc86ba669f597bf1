package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.bossa.kerberos.kpasswd.KpasswdException;
import org.bossa.kerberos.kpasswd.KpasswdResultCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A computer account's life as the join will drive it: the administrator sets its password with
 * kpasswd, the KDC's salt is MS-KILE's formula, keys derived from it get a TGT, and the machine
 * changes its own password with an initial ticket. Runs in order on one account, KRBTEST1$, at the
 * fixture's DC.
 */
@ExtendWith(LoopbackDc.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputerAccountIT {
    static final String NAME = "KRBTEST1";
    static final String ACCOUNT = NAME + "$";
    static final String FIRST = "Krb-Test-First-Pw-1";
    static final String SECOND = "Krb-Test-Second-Pw-2";
    @RegisterExtension
    static final TestComputerAccount COMPUTER = new TestComputerAccount(NAME);
    private final DcInfo dc = COMPUTER.dc();
    private final KdcClient kdc = COMPUTER.kdc();
    private final KpasswdClient kpasswd = COMPUTER.kpasswd();

    @Test
    @Order(1)
    void adminSetsThePasswordWithKpasswd() throws Exception {
        Tgt admin = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        int kvnoBefore = dc.computerKvno(NAME);
        kpasswd.setPassword(kdc.serviceTicket(admin, "kadmin/changepw"), ACCOUNT, FIRST.toCharArray());
        Tgt machine = kdc.asExchange(ACCOUNT, FIRST.toCharArray());
        assertThat(machine.clientPrincipal()).isEqualTo(ACCOUNT + "@" + dc.realm());
        int kvno = dc.computerKvno(NAME);
        assertThat(kvno).isEqualTo(kvnoBefore + 1);
        assertThat(kdc.keyVersion(admin, ACCOUNT)).as("kvno from a ticket = msDS-KeyVersionNumber").isEqualTo(kvno);
    }

    @Test
    @Order(2)
    void theKdcsSaltIsTheMsKileFormulaAndItsKeysGetATgt() throws Exception {
        List<SaltInfo> salts = kdc.saltInfo(ACCOUNT);
        assertThat(salts).isNotEmpty();
        String formula = Salts.computer(dc.realm(), ACCOUNT);
        assertThat(salts).allSatisfy(s -> assertThat(s.salt()).isEqualTo(formula));
        for (EncryptionType etype : List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96)) {
            EncryptionKey key = KerberosKeys.fromPassword(FIRST.toCharArray(), formula, etype);
            Tgt tgt = kdc.asExchange(ACCOUNT, List.of(key));
            assertThat(tgt.clientPrincipal()).isEqualTo(ACCOUNT + "@" + dc.realm());
        }
        EncryptionKey wrong = KerberosKeys.fromPassword(FIRST.toCharArray(), Salts.user(dc.realm(), ACCOUNT),
                EncryptionType.AES256_CTS_HMAC_SHA1_96);
        KdcClientIT.assertFailure(() -> kdc.asExchange(ACCOUNT, List.of(wrong)), KerberosFailure.WRONG_PASSWORD, ACCOUNT);
    }

    @Test
    @Order(3)
    void theMachineChangesItsOwnPasswordWithAnInitialTicket() throws Exception {
        Tgt tgt = kdc.asExchange(ACCOUNT, FIRST.toCharArray());
        assertThatThrownBy(() -> kpasswd.changePassword(kdc.serviceTicket(tgt, "kadmin/changepw"), SECOND.toCharArray()))
                .isInstanceOfSatisfying(KpasswdException.class, e ->
                        assertThat(e.resultCode()).isEqualTo(KpasswdResultCode.INITIAL_FLAG_NEEDED));

        ServiceTicket initial = kdc.asExchangeForService(ACCOUNT, FIRST.toCharArray(), "kadmin/changepw");
        kpasswd.changePassword(initial, SECOND.toCharArray());
        assertThat(kdc.asExchange(ACCOUNT, SECOND.toCharArray()).clientPrincipal()).startsWith(ACCOUNT);
        KdcClientIT.assertFailure(() -> kdc.asExchange(ACCOUNT, FIRST.toCharArray()), KerberosFailure.WRONG_PASSWORD,
                ACCOUNT);
    }

    @Test
    @Order(4)
    void anOrdinaryUserMayNotSetTheMachinePassword() throws Exception {
        Tgt alice = kdc.asExchange("alice", DcInfo.ALICE_PASSWORD.toCharArray());
        assertThatThrownBy(() -> kpasswd.setPassword(kdc.serviceTicket(alice, "kadmin/changepw"), ACCOUNT,
                "Krb-Test-Evil-Pw-3".toCharArray()))
                .isInstanceOfSatisfying(KpasswdException.class, e -> {
                    assertThat(e.resultCode()).isEqualTo(KpasswdResultCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("result code 5").doesNotContain("Krb-Test-Evil-Pw-3");
                });
    }
}
