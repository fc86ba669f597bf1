package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;
import org.junit.jupiter.api.Test;

/** AS and TGS exchanges and each failure cause against the real DC. */
class KdcClientIT {
    private final KdcClient kdc = new KdcClient(DevDc.config());

    @Test
    void adminGetsATgtAndAServiceTicket() throws Exception {
        Tgt tgt = kdc.asExchange(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray());
        assertThat(tgt.server()).isEqualTo(KerberosName.krbtgt(DevDc.REALM));
        assertThat(tgt.clientPrincipal()).isEqualToIgnoringCase(DevDc.ADMIN + "@" + DevDc.REALM);
        assertThat(tgt.flags()).contains(TicketFlag.INITIAL, TicketFlag.PRE_AUTH);
        assertThat(tgt.sessionKeyType().getValue()).isEqualTo(18);
        assertThat(tgt.clockOffset().abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(tgt.isCurrent(Instant.now())).isTrue();

        ServiceTicket ldap = kdc.serviceTicket(tgt, "ldap/dc1.example.test");
        assertThat(ldap.server().components()).containsExactly("ldap", "dc1.example.test");
        assertThat(ldap.isInitial()).isFalse();
        assertThat(ldap.ticket().getEncryptedEncPart().getKvno()).isPositive();
    }

    @Test
    void anInitialTicketForKadminChangepw() throws Exception {
        ServiceTicket t = kdc.asExchangeForService(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray(), "kadmin/changepw");
        assertThat(t.isInitial()).isTrue();
        assertThat(t.server().components()).containsExactly("kadmin", "changepw");
    }

    @Test
    void wrongPassword() {
        assertFailure(() -> kdc.asExchange(DevDc.ADMIN, "not-the-password".toCharArray()),
                KerberosFailure.WRONG_PASSWORD, "KDC_ERR_PREAUTH_FAILED");
    }

    @Test
    void unknownUser() {
        assertFailure(() -> kdc.asExchange("krbtest-nobody", "x".toCharArray()), KerberosFailure.CLIENT_UNKNOWN,
                "krbtest-nobody@" + DevDc.REALM);
    }

    @Test
    void unknownService() throws Exception {
        Tgt tgt = kdc.asExchange(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray());
        assertFailure(() -> kdc.serviceTicket(tgt, "cifs/krbtest-nowhere.example.test"), KerberosFailure.SERVICE_UNKNOWN,
                "cifs/krbtest-nowhere.example.test");
    }

    @Test
    void disabledUser() throws Exception {
        String user = "krbtest-dis";
        DevDc.sambaToolQuietly("user", "delete", user);
        DevDc.sambaTool("user", "create", user, "Dis!Passw0rd1");
        try {
            DevDc.sambaTool("user", "disable", user);
            assertFailure(() -> kdc.asExchange(user, "Dis!Passw0rd1".toCharArray()), KerberosFailure.CLIENT_REVOKED,
                    "STATUS_ACCOUNT_DISABLED");
        } finally {
            DevDc.sambaToolQuietly("user", "delete", user);
        }
    }

    @Test
    void unreachableKdcIsNamedWithTheTimeout() {
        KdcClient dead = new KdcClient(KdcConfig.of(DevDc.REALM, List.of("127.0.0.9")).withTimeout(Duration.ofSeconds(2)));
        long start = System.nanoTime();
        assertFailure(() -> dead.asExchange(DevDc.ADMIN, "x".toCharArray()), KerberosFailure.KDC_UNREACHABLE,
                "127.0.0.9:88");
        assertThatThrownBy(() -> dead.asExchange(DevDc.ADMIN, "x".toCharArray())).hasMessageContaining("2000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void clockSkewSaysByHowMuch() {
        KdcClient late = new KdcClient(DevDc.config(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
        assertThatThrownBy(() -> late.asExchange(DevDc.ADMIN, DevDc.ADMIN_PASSWORD.toCharArray()))
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
        assertThatThrownBy(() -> kdc.asExchange(DevDc.ADMIN, pw.toCharArray())).satisfies(e ->
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
