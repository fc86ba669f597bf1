package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.SyntaxId;
import org.junit.jupiter.api.Test;

/**
 * The client replays exchanges recorded between Samba's own client and the Samba AD DC
 * (dc-exchanges.txt): it must send byte for byte what Samba's client sent, and understand what
 * the DC answered.
 */
class CapturedExchangeTest {
    static final SyntaxId NETLOGON = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);

    @Test
    void unauthenticatedNetlogonBindCallAndFaultMatchSamba() throws Exception {
        List<byte[]> sent = DcExchanges.sent("netlogon");
        List<byte[]> received = DcExchanges.received("netlogon");
        ScriptedTransport t = new ScriptedTransport().answer(received.toArray(byte[][]::new));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());

        assertThat(c.bind(NETLOGON, Optional.empty())).isZero();
        assertThat(t.sent.get(0)).isEqualTo(sent.get(0));
        assertThat(c.maxXmitFrag()).isEqualTo(5840);
        assertThat(c.maxRecvFrag()).isEqualTo(5840);
        assertThat(c.assocGroupId()).isNotZero();

        // NetrServerReqChallenge: Samba's request stub, sent as Samba sent it (call id 2)
        byte[] stub = Arrays.copyOfRange(sent.get(1), 24, sent.get(1).length);
        byte[] out = c.call(4, stub);
        assertThat(t.sent.get(1)).isEqualTo(sent.get(1));
        assertThat(out).hasSize(12).isEqualTo(Arrays.copyOfRange(received.get(1), 24, 36));

        assertThatThrownBy(() -> c.call(99, new byte[0]))
                .isInstanceOfSatisfying(RpcFaultException.class, f -> {
                    assertThat(f.status()).isEqualTo(FaultStatus.OP_RNG_ERROR).isEqualTo(0x1c010002);
                    assertThat(f.statusName()).isEqualTo("DCERPC_NCA_S_OP_RNG_ERROR");
                    assertThat(f.didNotExecute()).isTrue();
                });
        assertThat(t.sent.get(2)).isEqualTo(sent.get(2));
        assertThat(c.isOpen()).as("a fault leaves the connection usable").isTrue();
    }

    @Test
    void bindToAnInterfaceTheDcDoesNotServeIsAProviderRejection() {
        ScriptedTransport t = new ScriptedTransport().answer(DcExchanges.received("wrongif").get(0));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        SyntaxId unknown = new SyntaxId(UUID.fromString("12345678-0000-0000-0000-000000000001"), 1, 0);

        assertThatThrownBy(() -> c.bind(unknown, Optional.empty()))
                .isInstanceOfSatisfying(RpcBindException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(RpcBindException.Rejection.PROVIDER_REJECTION);
                    assertThat(e.reason()).isEqualTo(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
                    assertThat(e.reasonName()).isEqualTo("abstract_syntax_not_supported");
                });
        assertThat(t.sent.get(0)).isEqualTo(DcExchanges.sent("wrongif").get(0));
        assertThat(c.isOpen()).isFalse();
    }

    /**
     * The sealed schannel exchange: a security provider that replays Samba's tokens, ciphertext and
     * signatures lets the connection's own layout (flags, verifier, padding, frag_length and
     * auth_length, offsets given to the provider) be compared with what Samba's client sent.
     */
    @Test
    void sealedExchangeHasSambasLayout() throws Exception {
        List<byte[]> sent = DcExchanges.sent("sealed");
        List<byte[]> received = DcExchanges.received("sealed");
        ReplayingSecurity sec = new ReplayingSecurity(sent, received);
        ScriptedTransport t = new ScriptedTransport().answer(received.toArray(byte[][]::new));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());

        c.bind(NETLOGON, Optional.of(sec));
        assertThat(t.sent.get(0)).isEqualTo(sent.get(0));
        assertThat(sec.headerSigning).as("the DC agreed to header signing").isTrue();
        assertThat(sec.bindAckToken).isEqualTo(AuthVerifier.decode(received.get(0),
                PduHeader.decode(received.get(0), 0, received.get(0).length)).authValue());
        assertThat(c.authLevel()).isEqualTo(AuthVerifier.AUTH_LEVEL_PRIVACY);

        // netr_LogonGetCapabilities (opnum 21): 156 stub bytes, 4 of padding
        byte[] first = c.call(21, new byte[156]);
        assertThat(t.sent.get(1)).isEqualTo(sent.get(1));
        assertThat(sec.protectArgs).containsExactly(24, 160, 192);
        assertThat(sec.unprotectArgs).containsExactly(24, 32, 64, 56);
        assertThat(first).isEqualTo(ReplayingSecurity.pattern(24)); // 32 unsealed bytes less 8 of padding

        // netr_DsRGetDCNameEx2 (opnum 34): 120 stub bytes, 8 of padding; a 308-byte answer with 12 of padding
        byte[] second = c.call(34, new byte[120]);
        assertThat(t.sent.get(2)).isEqualTo(sent.get(2));
        assertThat(sec.protectArgs).containsExactly(24, 128, 160);
        assertThat(sec.unprotectArgs).containsExactly(24, 320, 352, 56);
        assertThat(second).isEqualTo(ReplayingSecurity.pattern(308));
    }

    /** Plays the Netlogon SSP's part from a capture: it knows the ciphertext, not the key. */
    private static final class ReplayingSecurity implements ClientSecurity {
        private final List<byte[]> sent;
        private final List<byte[]> received;
        private int nextRequest = 1;
        boolean headerSigning;
        byte[] bindAckToken;
        List<Integer> protectArgs;
        List<Integer> unprotectArgs;

        ReplayingSecurity(List<byte[]> sent, List<byte[]> received) {
            this.sent = sent;
            this.received = received;
        }

        static byte[] pattern(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (i * 7 + 1);
            }
            return b;
        }

        @Override
        public int authType() {
            return AuthVerifier.AUTH_TYPE_NETLOGON;
        }

        @Override
        public int authLevel() {
            return AuthVerifier.AUTH_LEVEL_PRIVACY;
        }

        @Override
        public byte[] bindToken() {
            try {
                byte[] bind = sent.get(0);
                return AuthVerifier.decode(bind, PduHeader.decode(bind, 0, bind.length)).authValue();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Optional<byte[]> acceptBindAck(byte[] authValue) {
            bindAckToken = authValue;
            return Optional.empty();
        }

        @Override
        public boolean supportsHeaderSigning() {
            return true;
        }

        @Override
        public void headerSigningNegotiated(boolean agreed) {
            headerSigning = agreed;
        }

        @Override
        public int signatureSize() {
            return 56;
        }

        @Override
        public byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset) {
            protectArgs = List.of(stubOffset, stubLength, signatureOffset);
            byte[] samba = sent.get(nextRequest++);
            // what the provider is given must already be Samba's PDU outside the sealed region
            assertThat(Arrays.copyOfRange(pdu, 0, stubOffset)).isEqualTo(Arrays.copyOfRange(samba, 0, stubOffset));
            assertThat(Arrays.copyOfRange(pdu, stubOffset + stubLength, signatureOffset))
                    .isEqualTo(Arrays.copyOfRange(samba, stubOffset + stubLength, signatureOffset));
            assertThat(Arrays.copyOfRange(pdu, signatureOffset, pdu.length)).containsOnly(0);
            System.arraycopy(samba, stubOffset, pdu, stubOffset, stubLength);
            return Arrays.copyOfRange(samba, signatureOffset, samba.length);
        }

        @Override
        public void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, int signatureLength) {
            unprotectArgs = List.of(stubOffset, stubLength, signatureOffset, signatureLength);
            System.arraycopy(pattern(stubLength), 0, pdu, stubOffset, stubLength);
        }
    }
}
