package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KdcErrorsTest {
    private static final KdcAddress KDC = new KdcAddress("127.0.0.2", 88);
    private static final KerberosName CLIENT = KerberosName.parse("alice@EXAMPLE.TEST", null);
    private static final KerberosName SERVICE = KerberosName.parse("cifs/x@EXAMPLE.TEST", null);
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "24, WRONG_PASSWORD", "31, WRONG_PASSWORD", "6, CLIENT_UNKNOWN", "7, SERVICE_UNKNOWN", "18, CLIENT_REVOKED",
        "23, PASSWORD_EXPIRED", "14, ETYPE_NOT_SUPPORTED", "37, CLOCK_SKEW", "60, PROTOCOL_ERROR", "68, PROTOCOL_ERROR",
        "99, PROTOCOL_ERROR",
    })
    void mapsEachCode(int code, KerberosFailure failure) {
        KerberosException e = KdcErrors.toException(new KrbErrorMessage(code, T, "why", null), KDC, CLIENT, SERVICE, T);
        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.krbErrorCode()).hasValue(code);
        assertThat(e.getMessage()).startsWith(failure.summary() + ": ").contains("\"why\"").contains("127.0.0.2:88")
                .doesNotContain("\n");
    }

    @Test
    void protocolErrorsNameTheCodeAndText() {
        KerberosException e = KdcErrors.toException(new KrbErrorMessage(60, T, "generic trouble", null), KDC, CLIENT,
                SERVICE, T);
        assertThat(e.getMessage()).contains("KRB_ERR_GENERIC 60").contains("generic trouble");
        assertThat(e.eText()).hasValue("generic trouble");
    }

    @Test
    void skewSaysByHowMuchAndWhichWay() {
        KerberosException behind = KdcErrors.toException(new KrbErrorMessage(37, T.plus(Duration.ofSeconds(3723)),
                null, null), KDC, CLIENT, SERVICE, T);
        assertThat(behind.getMessage()).contains("1 h 2 min 3 s behind");
        assertThat(behind.clockSkew()).hasValue(Duration.ofSeconds(3723));
        KerberosException ahead = KdcErrors.toException(new KrbErrorMessage(37, T.minus(Duration.ofSeconds(400)),
                null, null), KDC, CLIENT, SERVICE, T);
        assertThat(ahead.getMessage()).contains("6 min 40 s ahead of");
    }
}
