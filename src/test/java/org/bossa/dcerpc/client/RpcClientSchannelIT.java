package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Optional;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.rpc.epmapper.EndpointMapper;
import org.bossa.rpc.netlogon.crypto.ClientChallenge;
import org.bossa.rpc.netlogon.ndr.Authenticator;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialHandshake;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialState;
import org.bossa.rpc.netlogon.ndr.LogonGetCapabilities;
import org.bossa.rpc.netlogon.ndr.SecureChannelType;
import org.bossa.rpc.netlogon.ndr.ServerAuthenticate3;
import org.bossa.rpc.netlogon.ndr.ServerReqChallenge;
import org.bossa.rpc.netlogon.schannel.NetlogonSsp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path in Java against the loopback Samba AD DC: ept_map, NetrServerReqChallenge and
 * NetrServerAuthenticate3 on an unauthenticated connection, then a second connection bound with
 * the Netlogon SSP at privacy level (header signing offered) carrying sealed
 * NetrLogonGetCapabilities calls whose authenticator chain the DC accepts.
 */
@ExtendWith(LoopbackDc.class)
class RpcClientSchannelIT {
    private static final String COMPUTER = "RPCC2";
    private static final String PASSWORD = "Rpcc2!Machine-Pw-1";
    /** The AD flag set with AES, strong keys and secure RPC, without RC4. */
    private static final int PROPOSED_FLAGS = 0x612FFFFB;

    @BeforeAll
    static void createMachineAccount(DcInfo dc) {
        dc.createEnabledComputer(COMPUTER);
        dc.sambaToolOrFail("user", "setpassword", COMPUTER + "$", "--newpassword=" + PASSWORD);
    }

    @AfterAll
    static void deleteMachineAccount(DcInfo dc) {
        dc.deleteComputerIfPresent(COMPUTER);
    }

    @Test
    void sealedCallsOverTheNetlogonSsp(DcInfo dc) throws Exception {
        RpcClientOptions options = RpcClientOptions.defaults();
        int port = new EndpointMapper(options).tcpPort(InetAddress.ofLiteral(dc.dcIp()), RpcClientIT.NETLOGON);
        String server = "\\\\" + dc.dcHost();

        NetlogonCredentialState state;
        try (RpcClientConnection plain = RpcClientConnection.connect(dc.dcIp(), port, options)) {
            plain.bind(RpcClientIT.NETLOGON, Optional.empty());
            byte[] clientChallenge = ClientChallenge.generate(new SecureRandom());
            ServerReqChallenge.Response challenge = ServerReqChallenge.decodeResponse(plain.call(
                    ServerReqChallenge.OPNUM, ServerReqChallenge.encodeRequest(server, COMPUTER, clientChallenge)));
            assertThat(challenge.status()).isZero();
            NetlogonCredentialHandshake handshake = NetlogonCredentialHandshake.fromPassword(PASSWORD, clientChallenge,
                    challenge.serverChallenge());
            ServerAuthenticate3.Response auth = ServerAuthenticate3.decodeResponse(plain.call(ServerAuthenticate3.OPNUM,
                    ServerAuthenticate3.encodeRequest(server, COMPUTER + "$", SecureChannelType.WORKSTATION, COMPUTER,
                            handshake.clientCredential(), PROPOSED_FLAGS)));
            assertThat(auth.status()).isZero();
            state = handshake.complete(auth.serverCredential(), auth.negotiateFlags());
            handshake.destroy();
        }

        NetlogonSsp ssp = NetlogonSsp.sealed(state, dc.netbiosDomain(), COMPUTER);
        boolean[] headerSigning = new boolean[1];
        ClientSecurity recording = new Delegating(ssp) {
            @Override
            public void headerSigningNegotiated(boolean negotiated) {
                headerSigning[0] = negotiated;
                super.headerSigningNegotiated(negotiated);
            }
        };
        // fragments of the C706 minimum, so the last call's request is sealed in three of them
        try (RpcClientConnection sealed = RpcClientConnection.connect(dc.dcIp(), port, options.withMaxFragment(1432))) {
            sealed.bind(RpcClientIT.NETLOGON, Optional.of(recording));
            assertThat(sealed.authLevel()).isEqualTo(AuthVerifier.AUTH_LEVEL_PRIVACY);
            assertThat(headerSigning[0]).as("the DC agreed to sign headers").isTrue();
            for (int call = 0; call < 4; call++) {
                // Samba does not look at the server name: a long one makes a request over 1432 bytes
                String name = call < 3 ? server : server + " ".repeat(1500);
                Authenticator next = state.nextAuthenticator();
                byte[] stub = LogonGetCapabilities.encodeRequest(name, COMPUTER,
                        new Authenticator(next.credential(), next.timestamp()),
                        LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES);
                if (call == 3) {
                    assertThat(stub.length).isGreaterThan(2 * sealed.maxXmitFrag());
                }
                LogonGetCapabilities.Response caps = LogonGetCapabilities.decodeResponse(
                        sealed.call(LogonGetCapabilities.OPNUM, stub), LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES);
                assertThat(caps.status()).isZero();
                assertThat(caps.flags()).isEqualTo(state.negotiatedFlags());
                state.verifyReturnAuthenticator(caps.returnAuthenticator().credential());
            }
        } finally {
            ssp.destroy();
            state.destroy();
        }
    }

    /** Passes everything to the wrapped provider. */
    private static class Delegating implements ClientSecurity {
        private final ClientSecurity inner;

        Delegating(ClientSecurity inner) {
            this.inner = inner;
        }

        @Override
        public int authType() {
            return inner.authType();
        }

        @Override
        public int authLevel() {
            return inner.authLevel();
        }

        @Override
        public byte[] bindToken() {
            return inner.bindToken();
        }

        @Override
        public Optional<byte[]> acceptBindAck(byte[] authValue) throws ClientSecurityException {
            return inner.acceptBindAck(authValue);
        }

        @Override
        public boolean supportsHeaderSigning() {
            return inner.supportsHeaderSigning();
        }

        @Override
        public void headerSigningNegotiated(boolean negotiated) {
            inner.headerSigningNegotiated(negotiated);
        }

        @Override
        public int signatureSize() {
            return inner.signatureSize();
        }

        @Override
        public byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset)
                throws ClientSecurityException {
            return inner.protect(pdu, stubOffset, stubLength, signatureOffset);
        }

        @Override
        public void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, int signatureLength)
                throws ClientSecurityException {
            inner.unprotect(pdu, stubOffset, stubLength, signatureOffset, signatureLength);
        }
    }
}
