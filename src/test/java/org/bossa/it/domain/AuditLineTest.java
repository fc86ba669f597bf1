package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit-line parser the Kerberos ITs read the member's log with. */
class AuditLineTest {
    private static final String PREFIX = "2026-01-02T03:04:05.678Z  INFO 4242 --- [bossa] [ smb-worker-3] bossa.audit                              : ";

    @Test
    void aSuccessLineGivesItsFieldsInOrderUnquoted() {
        String log = "some other line\n" + PREFIX
                + "logon result=success mechanism=kerberos user=\"EXAMPLE\\\\alice\" sid=S-1-5-21-1-2-3-1103 groups=6 client=127.0.0.1 reason=\"\"\n";
        List<AuditLine> lines = AuditLine.all(log);
        assertThat(lines).hasSize(1);
        AuditLine a = lines.getFirst();
        assertThat(a.keys()).isEqualTo(KerberosFixture.SUCCESS_KEYS);
        assertThat(a.get("user")).isEqualTo("EXAMPLE\\alice");
        assertThat(a.get("sid")).isEqualTo("S-1-5-21-1-2-3-1103");
        assertThat(a.groups()).isEqualTo(6);
        assertThat(a.get("reason")).isEmpty();
        assertThat(a.succeeded()).isTrue();
    }

    @Test
    void aFailureLineKeepsSpacesAndQuotesInsideItsReason() {
        String log = PREFIX + "logon result=failure mechanism=kerberos user=\"\" sid=- groups=0 client=127.0.0.1"
                + " status=NT_STATUS_LOGON_FAILURE reason=\"ticket for cifs/x@EXAMPLE.TEST: no key in the \\\"keytab\\\"\"\n"
                + PREFIX + "logon result=failure mechanism=ntlm user=\"EXAMPLE\\\\bob\" sid=- groups=0 client=::1"
                + " status=NT_STATUS_WRONG_PASSWORD reason=\"bad\"";
        AuditLine a = AuditLine.of(log, "kerberos").getFirst();
        assertThat(a.keys()).isEqualTo(KerberosFixture.FAILURE_KEYS);
        assertThat(a.get("reason")).isEqualTo("ticket for cifs/x@EXAMPLE.TEST: no key in the \"keytab\"");
        assertThat(a.succeeded()).isFalse();
        assertThat(AuditLine.of(log, "ntlm")).singleElement().satisfies(n -> assertThat(n.get("user")).isEqualTo("EXAMPLE\\bob"));
    }

    @Test
    void fieldsAfterSomethingThatIsNotAFieldAreNotRead() {
        AuditLine a = AuditLine.all(PREFIX + "logon result=success mechanism=kerberos ?? user=\"x\"").getFirst();
        assertThat(a.keys()).containsExactly("result", "mechanism");
    }
}
