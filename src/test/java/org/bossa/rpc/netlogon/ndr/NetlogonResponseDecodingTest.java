package org.bossa.rpc.netlogon.ndr;

import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.get;
import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bossa.dcerpc.NdrException;
import org.junit.jupiter.api.Test;

/** Samba-marshalled response stubs decode to the values the generator put in. */
class NetlogonResponseDecodingTest {

    @Test
    void serverReqChallenge() {
        var r = ServerReqChallenge.decodeResponse(get("reqChallenge.out"));
        assertThat(r.serverChallenge()).isEqualTo(seq(0xA1, 8));
        assertThat(r.status()).isZero();
    }

    @Test
    void serverAuthenticate3() {
        var r = ServerAuthenticate3.decodeResponse(get("authenticate3.out"));
        assertThat(r.serverCredential()).isEqualTo(seq(0xB1, 8));
        assertThat(r.negotiateFlags()).isEqualTo(0x612FFFFF);
        assertThat(r.accountRid()).isEqualTo(1105);
        assertThat(r.status()).isZero();
    }

    @Test
    void serverAuthenticate3Denied() {
        var r = ServerAuthenticate3.decodeResponse(get("authenticate3.denied.out"));
        assertThat(r.status()).isEqualTo(0xC0000022);
        assertThat(r.serverCredential()).isEqualTo(new byte[8]);
        assertThat(r.negotiateFlags()).isZero();
    }

    @Test
    void logonGetCapabilitiesLevel1And2() {
        var one = LogonGetCapabilities.decodeResponse(get("capabilities1.out"), 1);
        assertThat(one.returnAuthenticator()).isEqualTo(new Authenticator(seq(0xC1, 8), 0));
        assertThat(one.queryLevel()).isEqualTo(1);
        assertThat(one.flags()).isEqualTo(0x612FFFFF);
        assertThat(one.status()).isZero();
        var two = LogonGetCapabilities.decodeResponse(get("capabilities2.out"), 2);
        assertThat(two.queryLevel()).isEqualTo(2);
        assertThat(two.flags()).isEqualTo(0x613FFFFF);
    }

    @Test
    void logonGetCapabilitiesAnswerForAnotherLevelIsMalformed() {
        // a level-1 answer to a level-2 question must not pass as the requested flags
        assertThatThrownBy(() -> LogonGetCapabilities.decodeResponse(get("capabilities1.out"), 2))
                .isInstanceOf(NdrException.class).hasMessageContaining("level 1, requested 2");
    }

    @Test
    void serverPasswordSet2() {
        var r = ServerPasswordSet2.decodeResponse(get("passwordSet2.out"));
        assertThat(r.returnAuthenticator()).isEqualTo(new Authenticator(seq(0xD1, 8), 0));
        assertThat(r.status()).isZero();
    }

    @Test
    void logonControl2ExInfo2() {
        var r = LogonControl2Ex.decodeResponse(get("control2Ex.out"));
        assertThat(r.werror()).isZero();
        assertThat(r.info()).contains(new LogonControl2Ex.Info2(LogonControl2Ex.Info2.FLAG_VERIFY_STATUS_RETURNED, 0,
                "\\\\dc1.fixture.test", 0));
    }

    @Test
    void logonControl2ExNullInfo() {
        byte[] stub = {2, 0, 0, 0, 0, 0, 0, 0, 0x7C, 0, 0, 0};
        var r = LogonControl2Ex.decodeResponse(stub);
        assertThat(r.info()).isEmpty();
        assertThat(r.werror()).isEqualTo(0x7C);
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] stub = get("reqChallenge.out");
        byte[] longer = java.util.Arrays.copyOf(stub, stub.length + 1);
        assertThatThrownBy(() -> ServerReqChallenge.decodeResponse(longer)).isInstanceOf(NdrException.class)
                .hasMessageContaining("after the last parameter");
    }

    @Test
    void toStringsHideCredentials() {
        var r = ServerAuthenticate3.decodeResponse(get("authenticate3.out"));
        assertThat(r.toString()).doesNotContain("b1", "-79", "[B@");
        assertThat(new Authenticator(seq(0xC1, 8), 5).toString()).isEqualTo("Authenticator[timestamp=5]");
    }
}
