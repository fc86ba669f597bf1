package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AS and TGS exchanges and each failure cause against the real DC (the fixture's). */
@ExtendWith(LoopbackDc.class)
class KdcClientIT {
    private final DcInfo dc;
    private final KdcClient kdc;

    KdcClientIT(DcInfo dc) {
        this.dc = dc;
        this.kdc = new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())));
    }

    @Test
    void adminGetsATgtAndAServiceTicket() throws Exception {
        Tgt tgt = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        assertThat(tgt.server()).isEqualTo(KerberosName.krbtgt(dc.realm()));
        assertThat(tgt.clientPrincipal()).isEqualToIgnoringCase(dc.adminUser() + "@" + dc.realm());
        assertThat(tgt.flags()).contains(TicketFlag.INITIAL, TicketFlag.PRE_AUTH);
        assertThat(tgt.sessionKeyType().getValue()).isEqualTo(18);
        assertThat(tgt.clockOffset().abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(tgt.isCurrent(Instant.now())).isTrue();

        ServiceTicket ldap = kdc.serviceTicket(tgt, "ldap/" + dc.dcHost());
        assertThat(ldap.server().components()).containsExactly("ldap", dc.dcHost());
        assertThat(ldap.isInitial()).isFalse();
        assertThat(ldap.ticket().getEncryptedEncPart().getKvno()).isPositive();
    }

    @Test
    void anInitialTicketForKadminChangepw() throws Exception {
        ServiceTicket t = kdc.asExchangeForService(dc.adminUser(), dc.adminPassword().toCharArray(), "kadmin/changepw");
        assertThat(t.isInitial()).isTrue();
        assertThat(t.server().components()).containsExactly("kadmin", "changepw");
    }

    @Test
    void wrongPassword() {
        assertFailure(() -> kdc.asExchange(dc.adminUser(), "not-the-password".toCharArray()),
                KerberosFailure.WRONG_PASSWORD, "KDC_ERR_PREAUTH_FAILED");
    }

    @Test
    void unknownUser() {
        assertFailure(() -> kdc.asExchange("krbtest-nobody", "x".toCharArray()), KerberosFailure.CLIENT_UNKNOWN,
                "krbtest-nobody@" + dc.realm());
    }

    @Test
    void unknownService() throws Exception {
        Tgt tgt = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        String nowhere = "cifs/krbtest-nowhere." + dc.realm().toLowerCase(Locale.ROOT);
        assertFailure(() -> kdc.serviceTicket(tgt, nowhere), KerberosFailure.SERVICE_UNKNOWN, nowhere);
    }

    @Test
    void disabledUser() throws Exception {
        String user = "krbtest-dis";
        dc.deleteUserIfPresent(user);
        dc.sambaToolOrFail("user", "create", user, "Dis!Passw0rd1");
        try {
            dc.sambaToolOrFail("user", "disable", user);
            assertFailure(() -> kdc.asExchange(user, "Dis!Passw0rd1".toCharArray()), KerberosFailure.CLIENT_REVOKED,
                    "STATUS_ACCOUNT_DISABLED");
        } finally {
            dc.deleteUserIfPresent(user);
        }
    }

    @Test
    void unreachableKdcIsNamedWithTheTimeout() {
        // an address on loopback where nothing listens, so the KDC ports answer ICMP port-unreachable
        String nothing = "127.0.0.9";
        assertThat(dc.dcIp()).as("the fixture's DC must not sit at the dead address").isNotEqualTo(nothing);
        KdcClient dead = new KdcClient(KdcConfig.of(dc.realm(), List.of(nothing)).withTimeout(Duration.ofSeconds(2)));
        long start = System.nanoTime();
        assertFailure(() -> dead.asExchange(dc.adminUser(), "x".toCharArray()), KerberosFailure.KDC_UNREACHABLE,
                nothing + ":88");
        assertThatThrownBy(() -> dead.asExchange(dc.adminUser(), "x".toCharArray())).hasMessageContaining("2000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void clockSkewSaysByHowMuch() {
        KdcClient late = new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())), Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
        assertThatThrownBy(() -> late.asExchange(dc.adminUser(), dc.adminPassword().toCharArray()))
                .isInstanceOfSatisfying(KerberosException.class, e -> {
                    assertThat(e.failure()).isEqualTo(KerberosFailure.CLOCK_SKEW);
                    assertThat(e.clockSkew()).hasValueSatisfying(d ->
                            assertThat(d.minus(Duration.ofHours(1)).abs()).isLessThan(Duration.ofSeconds(5)));
                    assertThat(e.getMessage()).contains("behind the KDC's");
                });
    }

    @Test
    void messagesNeverContainThePassword() {
        String pw = "Very-Secret-Wrong-Pw";
        assertThatThrownBy(() -> kdc.asExchange(dc.adminUser(), pw.toCharArray())).satisfies(e ->
                assertThat(e.getMessage()).doesNotContain(pw));
    }

    static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, KerberosFailure failure,
                              String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KerberosException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).startsWith(failure.summary() + ": ").contains(detail).doesNotContain("\n");
        });
    }
}
