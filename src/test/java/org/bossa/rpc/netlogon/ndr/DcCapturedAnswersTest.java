package org.bossa.rpc.netlogon.ndr;

import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

/**
 * Answers of the real Samba 4.17.12 dev DC (FIXTURE.TEST) to requests byte-equal to ours, captured over
 * a sealed schannel connection by capture_dc_vectors.py (the session keys zeroed before storing).
 */
class DcCapturedAnswersTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-3767530063-1568497135-3718344535");

    @Test
    void aliceAtLevel6() {
        var r = LogonSamLogonEx.decodeResponse(get("dc.samLogonEx.sam6.out"), 6);
        assertThat(r.status()).isZero();
        assertThat(r.authoritative()).isTrue();
        ValidationInfo v = r.validation().orElseThrow();
        assertThat(v.userSid()).isEqualTo(DOMAIN.withRid(1103));
        assertThat(v.effectiveName()).isEqualTo("alice");
        assertThat(v.primaryGroupSid()).isEqualTo(DOMAIN.withRid(513));
        // Domain Users and Engineers
        assertThat(v.groupIds()).containsExactly(new GroupMembership(513, 7), new GroupMembership(1107, 7));
        assertThat(v.extraSids()).isEmpty();
        assertThat(v.userFlags()).isZero();
        assertThat(v.logonServer()).isEqualTo("DC1");
        assertThat(v.logonDomainName()).isEqualTo("FIXTURE");
        assertThat(v.dnsLogonDomainName()).isEqualTo("fixture.test");
        assertThat(v.userPrincipalName()).isEqualTo("alice@fixture.test");
        assertThat(v.userAccountControl()).isEqualTo(0x10); // ACB_NORMAL
        assertThat(v.kickOffTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void levels3And2CarryTheSameUser() {
        ValidationInfo six = LogonSamLogonEx.decodeResponse(get("dc.samLogonEx.sam6.out"), 6).validation().orElseThrow();
        ValidationInfo three = LogonSamLogonEx.decodeResponse(get("dc.samLogonEx.sam3.out"), 3).validation()
                .orElseThrow();
        ValidationInfo two = LogonSamLogonEx.decodeResponse(get("dc.samLogonEx.sam2.out"), 2).validation()
                .orElseThrow();
        for (ValidationInfo v : new ValidationInfo[] {three, two}) {
            assertThat(v.userSid()).isEqualTo(six.userSid());
            assertThat(v.groupIds()).isEqualTo(six.groupIds());
            assertThat(v.dnsLogonDomainName()).isEmpty();
            assertThat(v.userPrincipalName()).isEmpty();
        }
    }

    @Test
    void wrongPasswordIsStatusWrongPasswordWithoutValidation() {
        var r = LogonSamLogonEx.decodeResponse(get("dc.samLogonEx.wrongPassword.out"), 6);
        assertThat(r.status()).isEqualTo(0xC000006A); // STATUS_WRONG_PASSWORD, not LOGON_FAILURE
        assertThat(r.validation()).isEmpty();
        assertThat(r.authoritative()).isTrue();
    }

    @Test
    void capabilitiesLevel1() {
        var r = LogonGetCapabilities.decodeResponse(get("dc.capabilities1.out"), 1);
        assertThat(r.status()).isZero();
        assertThat(r.flags()).isEqualTo(0x610FFFFF); // what Samba's python client negotiated
    }

    @Test
    void logonControlQueryConfirmsWithNotSupported() {
        assertThat(LogonControl.encodeQueryRequest("\\\\127.0.0.12")).isEqualTo(get("dc.control.query.in"));
        var r = LogonControl.decodeResponse(get("dc.control.query.out"));
        assertThat(r.werror()).isEqualTo(LogonControl.WERR_NOT_SUPPORTED);
        assertThat(r.info()).isEmpty();
    }

    @Test
    void logonControl2ExIsDeniedToTheMachineAccount() {
        for (String v : new String[] {"dc.control2Ex.tcVerify.out", "dc.control2Ex.tcQuery.out"}) {
            var r = LogonControl2Ex.decodeResponse(get(v));
            assertThat(r.werror()).isEqualTo(5); // WERR_ACCESS_DENIED
            assertThat(r.info()).isEmpty();
        }
    }
}
