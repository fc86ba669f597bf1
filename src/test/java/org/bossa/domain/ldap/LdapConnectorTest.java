package org.bossa.domain.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.ResultCode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the connector decides without a DC: refusals, unusable CA files, closed ports, messages. */
class LdapConnectorTest {
    private final LdapConnector connector = new LdapConnector(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @TempDir
    Path temp;

    @Test
    void simpleBindWithoutTlsIsRefusedBeforeConnecting() {
        // port 9 on a TEST-NET address: nothing would answer, so only a local refusal can be this fast
        LdapTarget plain = new LdapTarget("192.0.2.1", 389, LdapTransport.PLAIN, null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.connect(plain, new LdapCredentials.Simple("cn=x", "pw".toCharArray())))
                .isInstanceOfSatisfying(LdapConnectException.class, e -> {
                    assertThat(e.failure()).isEqualTo(LdapFailure.INSECURE_BIND_REFUSED);
                    assertThat(e.getMessage()).isEqualTo(
                            "simple bind without TLS refused (192.0.2.1:389): use LDAPS, StartTLS or Kerberos");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void caFileThatIsMissingOrHoldsNoCertificate() throws Exception {
        Path notPem = Files.writeString(temp.resolve("ca.pem"), "not a certificate\n");
        for (Path ca : new Path[] {temp.resolve("missing.pem"), notPem}) {
            assertThatThrownBy(() -> connector.connect(LdapTarget.ldaps("dc1.example.test", ca),
                    new LdapCredentials.Simple("cn=x", "pw".toCharArray())))
                    .isInstanceOfSatisfying(LdapConnectException.class,
                            e -> assertThat(e.failure()).isEqualTo(LdapFailure.CA_FILE_UNUSABLE));
        }
    }

    @Test
    void closedPortIsDcUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LdapTarget target = new LdapTarget("localhost", port, LdapTransport.PLAIN, null);
        assertThatThrownBy(() -> connector.connect(target, LdapCredentials.kerberos(TestTickets.any())))
                .isInstanceOfSatisfying(LdapConnectException.class, e -> {
                    assertThat(e.failure()).isEqualTo(LdapFailure.DC_UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("DC unreachable (localhost:" + port + ")").doesNotContain("\n");
                });
    }

    @Test
    void targetsValidateTheirFields() {
        assertThatThrownBy(() -> new LdapTarget("dc1", 636, LdapTransport.LDAPS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CA file");
        assertThatThrownBy(() -> new LdapTarget("dc1", 0, LdapTransport.PLAIN, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LdapTarget(" ", 389, LdapTransport.PLAIN, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LdapTarget.plain("dc1.example.test").servicePrincipal()).isEqualTo("ldap/dc1.example.test");
        assertThat(LdapTarget.ldaps("dc1.example.test", Path.of("ca.pem")).port()).isEqualTo(636);
        assertThat(LdapTarget.startTls("dc1.example.test", Path.of("ca.pem")).port()).isEqualTo(389);
    }

    @Test
    void bindRejectionMessageIsOneLineWithCodeAndDiagnostic() {
        LdapConnectException e = new LdapConnectException(LdapFailure.BIND_REJECTED, "dc1.example.test:389", null,
                ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09041C\n", null);
        assertThat(e.getMessage()).isEqualTo(
                "bind rejected (dc1.example.test:389): invalid credentials (49), 80090308: LdapErr: DSID-0C09041C");
        assertThat(e.resultCode()).contains(ResultCode.INVALID_CREDENTIALS);
    }

    @Test
    void simpleCredentialsNeverPrintThePassword() {
        assertThat(new LdapCredentials.Simple("cn=admin", "s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }
}
