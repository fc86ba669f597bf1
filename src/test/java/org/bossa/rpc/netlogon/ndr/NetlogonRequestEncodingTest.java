package org.bossa.rpc.netlogon.ndr;

import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.get;
import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Our request stubs equal, byte for byte, what Samba's pidl marshalling makes of the same values. */
class NetlogonRequestEncodingTest {
    private static final String DC = "\\\\dc1.fixture.test";

    @Test
    void serverReqChallenge() {
        assertThat(ServerReqChallenge.encodeRequest(DC, "NLRPC1", seq(0x11, 8))).isEqualTo(get("reqChallenge.in"));
        assertThat(ServerReqChallenge.encodeRequest(null, "NLRPC1", seq(0x11, 8)))
                .isEqualTo(get("reqChallenge.nullServer.in"));
    }

    @Test
    void serverAuthenticate3() {
        assertThat(ServerAuthenticate3.encodeRequest(DC, "NLRPC1$", SecureChannelType.WORKSTATION, "NLRPC1",
                seq(0x21, 8), 0x613FFFFF)).isEqualTo(get("authenticate3.in"));
    }

    @Test
    void logonGetCapabilitiesBothLevels() {
        Authenticator a = new Authenticator(seq(0x31, 8), 0x64000001);
        assertThat(LogonGetCapabilities.encodeRequest(DC, "NLRPC1", a, 1)).isEqualTo(get("capabilities1.in"));
        assertThat(LogonGetCapabilities.encodeRequest(DC, "NLRPC1", a, 2)).isEqualTo(get("capabilities2.in"));
    }

    @Test
    void logonSamLogonExNetworkInformation() {
        NetworkLogon logon = new NetworkLogon("FIXTURE", 0x820, 0x0123456789ABCDEFL, "alice", "CLIENT1",
                seq(0x41, 8), seq(0x50, 45), seq(0xE0, 24));
        assertThat(LogonSamLogonEx.encodeRequest(DC, "NLRPC1", logon, 6, 0)).isEqualTo(get("samLogonEx.in"));
    }

    @Test
    void logonSamLogonExEmptyLmResponseAndWorkstation() {
        NetworkLogon logon = new NetworkLogon("FIXTURE", 0x820, 0x0123456789ABCDEFL, "alice", "",
                seq(0x41, 8), seq(0x50, 45), new byte[0]);
        assertThat(LogonSamLogonEx.encodeRequest(DC, "NLRPC1", logon, 3, 0)).isEqualTo(get("samLogonEx.noLm.in"));
    }

    @Test
    void serverPasswordSet2CopiesTheEncryptedBuffer() {
        byte[] password = new byte[516];
        for (int i = 0; i < 512; i++) {
            password[i] = (byte) (i * 7);
        }
        password[512] = 0x6d;
        password[513] = 0x7c;
        password[514] = (byte) 0x8b;
        password[515] = (byte) 0x9a;
        assertThat(ServerPasswordSet2.encodeRequest(DC, "NLRPC1$", SecureChannelType.WORKSTATION, "NLRPC1",
                new Authenticator(seq(0x51, 8), 0x64000002), password)).isEqualTo(get("passwordSet2.in"));
    }

    @Test
    void logonControl2Ex() {
        assertThat(LogonControl2Ex.encodeRequest(DC, LogonControl2Ex.FUNCTION_TC_VERIFY, "FIXTURE"))
                .isEqualTo(get("control2Ex.tcVerify.in"));
        assertThat(LogonControl2Ex.encodeRequest(DC, LogonControl2Ex.FUNCTION_TC_QUERY, "FIXTURE"))
                .isEqualTo(get("control2Ex.tcQuery.in"));
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> ServerReqChallenge.encodeRequest(DC, "NLRPC1", new byte[7]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerReqChallenge.encodeRequest(DC, null, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogonGetCapabilities.encodeRequest(DC, "X", Authenticator.ZERO, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogonControl2Ex.encodeRequest(DC, 1, "FIXTURE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerPasswordSet2.encodeRequest(DC, "A$", SecureChannelType.WORKSTATION, "A",
                Authenticator.ZERO, new byte[512])).isInstanceOf(IllegalArgumentException.class);
        NetworkLogon logon = new NetworkLogon("D", 0, 0, "u", null, new byte[8], new byte[24], null);
        assertThatThrownBy(() -> LogonSamLogonEx.encodeRequest(DC, "X", logon, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkLogon("D", 0, 0, "u", null, new byte[8], new byte[65536], null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputsAreCopied() {
        byte[] challenge = seq(0x41, 8);
        byte[] nt = seq(0x50, 45);
        NetworkLogon logon = new NetworkLogon("FIXTURE", 0x820, 0x0123456789ABCDEFL, "alice", "CLIENT1",
                challenge, nt, seq(0xE0, 24));
        challenge[0] = 0;
        nt[0] = 0;
        assertThat(LogonSamLogonEx.encodeRequest(DC, "NLRPC1", logon, 6, 0)).isEqualTo(get("samLogonEx.in"));
        assertThat(logon.toString()).doesNotContain("50", "PQ");
    }
}
