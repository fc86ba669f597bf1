package org.bossa.it.netlogon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.bossa.rpc.netlogon.crypto.ClientChallenge;
import org.bossa.rpc.netlogon.ndr.Authenticator;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialHandshake;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialState;
import org.bossa.rpc.netlogon.schannel.NetlogonSsp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AES secure channel against the loopback Samba AD DC, before Bossa's own RPC client exists:
 * Samba's Python client ({@link SambaNetlogonPeer}) carries NetrServerReqChallenge and
 * NetrServerAuthenticate3 with the challenge and credential computed here, and a minimal raw
 * connection ({@link RawRpcConnection}) binds Netlogon with {@link NetlogonSsp} at privacy level and
 * makes NetrLogonGetCapabilities calls with authenticators from {@link NetlogonCredentialState}.
 */
@ExtendWith(LoopbackDc.class)
class NetlogonSecureChannelIT {

    private static final String COMPUTER = "SCHAN1";
    private static final String PASSWORD = "Schannel!Passw0rd-1";
    /** A second account whose password NetrServerPasswordSet2 changes, so test order does not matter. */
    private static final String ROTATED = "SCHAN2";
    private static final int WORKSTATION_SECURE_CHANNEL = 2;
    /** The AD flag set (0x612fffff) with AES, strong keys and secure RPC, without RC4 (0x4). */
    private static final int PROPOSED_FLAGS = 0x612FFFFB;
    private static final int STATUS_ACCESS_DENIED = 0xC0000022;
    private static final int OPNUM_LOGON_GET_CAPABILITIES = 21;
    private static final int OPNUM_SERVER_PASSWORD_SET2 = 30;
    /** nca_s_fault_sec_pkg_error (C706 appendix E; Samba's fault for a PDU failing the SSP's check). */
    private static final int FAULT_SEC_PKG_ERROR = 0x00000721;
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void createMachineAccount(DcInfo dc) {
        dc.createEnabledComputer(COMPUTER);
        dc.sambaToolOrFail("user", "setpassword", COMPUTER + "$", "--newpassword=" + PASSWORD);
        dc.createEnabledComputer(ROTATED);
        dc.sambaToolOrFail("user", "setpassword", ROTATED + "$", "--newpassword=" + PASSWORD);
    }

    @AfterAll
    static void deleteMachineAccount(DcInfo dc) {
        dc.deleteComputerIfPresent(COMPUTER);
        dc.deleteComputerIfPresent(ROTATED);
    }

    @Test
    void ourCredentialIsAcceptedWithAesAndTheServerCredentialIsTheOneWeComputed(DcInfo dc) throws Exception {
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp())) {
            NetlogonCredentialHandshake handshake = handshake(peer, PASSWORD);
            String[] answer = peer.ok(auth3(handshake));
            byte[] serverCredential = HexFormat.of().parseHex(answer[1]);
            int negotiated = Integer.parseUnsignedInt(answer[2], 16);

            assertThat(negotiated & NetlogonCredentialHandshake.NEG_SUPPORTS_AES).isNotZero();
            assertThat(negotiated & 0x4).as("no RC4 when not proposed").isZero();
            assertThat(serverCredential).isEqualTo(handshake.expectedServerCredential());
            NetlogonCredentialState state = handshake.complete(serverCredential, negotiated);
            assertThat(state.negotiatedFlags()).isEqualTo(negotiated);
        }
    }

    @Test
    void aWrongPasswordIsAccessDenied(DcInfo dc) throws Exception {
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp())) {
            NetlogonCredentialHandshake handshake = handshake(peer, PASSWORD + "x");
            String answer = peer.call(auth3(handshake));
            assertThat(answer).startsWith(String.format("error %08x", STATUS_ACCESS_DENIED));
        }
    }

    @Test
    void sealedCallsCarryTheAuthenticatorChainWithAndWithoutHeaderSigning(DcInfo dc) throws Exception {
        int port = netlogonPort(dc);
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp())) {
            NetlogonCredentialState state = establish(peer);
            for (boolean headerSigning : new boolean[] {false, true}) {
                try (RawRpcConnection connection = new RawRpcConnection(dc.dcIp(), port)) {
                    NetlogonSsp ssp = NetlogonSsp.sealed(state, dc.netbiosDomain(), COMPUTER);
                    assertThat(connection.bind(ssp, headerSigning)).isEqualTo(headerSigning);
                    for (int call = 0; call < 3; call++) {
                        // each call: our authenticator accepted, the DC's return authenticator verified,
                        // level 1 answering the flags Authenticate3 negotiated
                        assertThat(getCapabilities(peer, connection, state, dc)).isEqualTo(state.negotiatedFlags());
                    }
                }
            }
        }
    }

    @Test
    void theDcRefusesATamperedSealedRequest(DcInfo dc) throws Exception {
        int port = netlogonPort(dc);
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp());
                RawRpcConnection connection = new RawRpcConnection(dc.dcIp(), port)) {
            NetlogonCredentialState state = establish(peer);
            connection.bind(NetlogonSsp.sealed(state, dc.netbiosDomain(), COMPUTER), false);
            Authenticator auth = state.nextAuthenticator();
            byte[] stub = HexFormat.of().parseHex(peer.ok(packGetCapabilities(dc, auth))[1]);
            // one bit of the sealed stub: the DC's checksum check must catch it
            assertThatThrownBy(() -> connection.call(OPNUM_LOGON_GET_CAPABILITIES, stub, 24 + 3))
                    .isInstanceOfSatisfying(RawRpcConnection.RpcFaultException.class,
                            e -> assertThat(e.status).isEqualTo(FAULT_SEC_PKG_ERROR));
        }
    }

    @Test
    void passwordSet2WithOurEncryptedTrustPasswordChangesTheMachinePassword(DcInfo dc) throws Exception {
        int port = netlogonPort(dc);
        String newPassword = "Rotated!Passw0rd-" + Integer.toHexString(RANDOM.nextInt());
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp());
                RawRpcConnection connection = new RawRpcConnection(dc.dcIp(), port)) {
            NetlogonCredentialState state = establish(peer, ROTATED, PASSWORD);
            connection.bind(NetlogonSsp.sealed(state, dc.netbiosDomain(), ROTATED), true);
            Authenticator auth = state.nextAuthenticator();
            byte[] encrypted = state.encryptTrustPassword(newPassword, RANDOM);
            byte[] stub = HexFormat.of().parseHex(peer.ok("pack_pwset2 " + serverName(dc) + " " + ROTATED + "$ "
                    + WORKSTATION_SECURE_CHANNEL + " " + ROTATED + " " + HexFormat.of().formatHex(auth.credential())
                    + " " + auth.timestampSeconds() + " " + HexFormat.of().formatHex(encrypted))[1]);
            String[] out = peer.ok("unpack_pwset2 "
                    + HexFormat.of().formatHex(connection.call(OPNUM_SERVER_PASSWORD_SET2, stub)));
            assertThat(out[3]).as("NTSTATUS of NetrServerPasswordSet2").isEqualTo("00000000");
            state.verifyReturnAuthenticator(HexFormat.of().parseHex(out[1]));
        }
        // the DC decrypted our NL_TRUST_PASSWORD: the new password now authenticates, the old one no longer
        try (SambaNetlogonPeer peer = new SambaNetlogonPeer(dc.dcIp())) {
            assertThat(establish(peer, ROTATED, newPassword).negotiatedFlags()
                    & NetlogonCredentialHandshake.NEG_SUPPORTS_AES).isNotZero();
            assertThat(peer.call(auth3(handshake(peer, ROTATED, PASSWORD), ROTATED)))
                    .startsWith(String.format("error %08x", STATUS_ACCESS_DENIED));
        }
    }

    private static int getCapabilities(SambaNetlogonPeer peer, RawRpcConnection connection,
            NetlogonCredentialState state, DcInfo dc) throws Exception {
        Authenticator auth = state.nextAuthenticator();
        byte[] stub = HexFormat.of().parseHex(peer.ok(packGetCapabilities(dc, auth))[1]);
        byte[] response = connection.call(OPNUM_LOGON_GET_CAPABILITIES, stub);
        String[] out = peer.ok("unpack_getcaps 1 " + HexFormat.of().formatHex(response));
        assertThat(out[4]).as("NTSTATUS of NetrLogonGetCapabilities").isEqualTo("00000000");
        state.verifyReturnAuthenticator(HexFormat.of().parseHex(out[1]));
        return Integer.parseUnsignedInt(out[3], 16);
    }

    private static String serverName(DcInfo dc) {
        return "\\\\" + dc.dcHost().split("\\.")[0].toUpperCase(Locale.ROOT);
    }

    private static String packGetCapabilities(DcInfo dc, Authenticator auth) {
        return "pack_getcaps " + serverName(dc) + " " + COMPUTER + " " + HexFormat.of().formatHex(auth.credential()) + " "
                + auth.timestampSeconds() + " 1";
    }

    private static NetlogonCredentialState establish(SambaNetlogonPeer peer) throws Exception {
        return establish(peer, COMPUTER, PASSWORD);
    }

    private static NetlogonCredentialState establish(SambaNetlogonPeer peer, String computer, String password)
            throws Exception {
        NetlogonCredentialHandshake handshake = handshake(peer, computer, password);
        String[] answer = peer.ok(auth3(handshake, computer));
        return handshake.complete(HexFormat.of().parseHex(answer[1]), Integer.parseUnsignedInt(answer[2], 16));
    }

    private static NetlogonCredentialHandshake handshake(SambaNetlogonPeer peer, String password) throws Exception {
        return handshake(peer, COMPUTER, password);
    }

    private static NetlogonCredentialHandshake handshake(SambaNetlogonPeer peer, String computer, String password)
            throws Exception {
        byte[] clientChallenge = ClientChallenge.generate(RANDOM);
        String[] answer = peer.ok("challenge " + computer + " " + HexFormat.of().formatHex(clientChallenge));
        return NetlogonCredentialHandshake.fromPassword(password, clientChallenge, HexFormat.of().parseHex(answer[1]));
    }

    private static String auth3(NetlogonCredentialHandshake handshake) {
        return auth3(handshake, COMPUTER);
    }

    private static String auth3(NetlogonCredentialHandshake handshake, String computer) {
        return "auth3 " + computer + "$ " + WORKSTATION_SECURE_CHANNEL + " " + computer + " "
                + HexFormat.of().formatHex(handshake.clientCredential()) + " " + Integer.toHexString(PROPOSED_FLAGS);
    }

    /** Netlogon's ncacn_ip_tcp port from the DC's endpoint mapper ({@code rpcclient epmlookup}). */
    private static int netlogonPort(DcInfo dc) {
        ToolResult result = dc.run(List.of("/usr/bin/rpcclient", "-U%", dc.dcIp(), "-c", "epmlookup"), null);
        Matcher m = Pattern.compile("ncacn_ip_tcp:[^\\[]*\\[(\\d+),abstract_syntax="
                + RawRpcConnection.NETLOGON.uuid() + "/").matcher(result.output());
        if (!m.find()) {
            throw new IllegalStateException("no Netlogon endpoint in rpcclient epmlookup: " + result);
        }
        return Integer.parseInt(m.group(1));
    }
}
