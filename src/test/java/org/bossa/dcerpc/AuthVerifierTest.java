package org.bossa.dcerpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sec_trailer codec, AUTH3 and requests with a verifier, checked against PDUs of a real
 * schannel exchange between Samba's client and the Samba AD DC (see client/dc-exchanges.txt).
 */
class AuthVerifierTest {
    /** Samba's sealed netr_LogonGetCapabilities request: 156 stub bytes, 4 of padding, a 56-byte signature. */
    private static final List<byte[]> SEALED = org.bossa.dcerpc.client.DcExchanges.sent("sealed");
    private static final List<byte[]> SEALED_ANSWERS = org.bossa.dcerpc.client.DcExchanges.received("sealed");

    private static PduHeader header(byte[] pdu) throws PduFormatException {
        return PduHeader.decode(pdu, 0, pdu.length);
    }

    @Test
    void decodesSambasSchannelBindAndBindAck() throws Exception {
        byte[] bind = SEALED.get(0);
        AuthVerifier v = AuthVerifier.decode(bind, header(bind));
        assertThat(v.authType()).isEqualTo(AuthVerifier.AUTH_TYPE_NETLOGON);
        assertThat(v.authLevel()).isEqualTo(AuthVerifier.AUTH_LEVEL_PRIVACY);
        assertThat(v.padLength()).isZero();
        assertThat(v.contextId()).isEqualTo(1);
        // NL_AUTH_MESSAGE (MS-NRPC 2.2.1.3.1): negotiate, flags 3, "FIXTURE", "RPCC1"
        assertThat(HexFormat.of().formatHex(v.authValue())).isEqualTo("00000000030000004649585455524500525043433100");
        assertThat(BindPdu.decode(bind, header(bind)).authVerifier()).isEqualTo(v.encode());

        byte[] ack = SEALED_ANSWERS.get(0);
        AuthVerifier a = AuthVerifier.decode(ack, header(ack));
        assertThat(a.authValue()).hasSize(12); // NL_AUTH_MESSAGE answer: type 1, flags 0, 4 bytes of buffer
        assertThat(BindAckPdu.decode(ack, header(ack)).results().get(0).result()).isEqualTo(ContextResult.ACCEPTANCE);
    }

    @Test
    void requestWithVerifierReproducesSambasLayout() throws Exception {
        byte[] samba = SEALED.get(1);
        PduHeader h = header(samba);
        AuthVerifier v = AuthVerifier.decode(samba, h);
        assertThat(v.padLength()).isEqualTo(4);
        assertThat(h.authLength()).isEqualTo(56);
        RequestPdu r = RequestPdu.decode(samba, h);
        assertThat(r.stub()).hasSize(160);
        assertThat(r.allocHint()).isEqualTo(156);
        assertThat(new RequestPdu(r.flags(), r.callId(), r.allocHint(), r.contextId(), r.opnum(), null, r.stub())
                .encode(v.encode())).isEqualTo(samba);
    }

    @Test
    void responsePaddingMustFitTheStub() throws Exception {
        byte[] samba = SEALED_ANSWERS.get(1);
        assertThat(AuthVerifier.decode(samba, header(samba)).padLength()).isEqualTo(8);
        byte[] lying = samba.clone();
        int trailer = header(samba).bodyEnd();
        lying[trailer + 2] = 33; // 32 stub bytes before the trailer
        assertThatThrownBy(() -> AuthVerifier.decode(lying, header(lying))).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("auth_pad_length 33");
        lying[trailer + 2] = 32;
        assertThat(AuthVerifier.decode(lying, header(lying)).padLength()).isEqualTo(32);
    }

    @Test
    void bindFamilyPaddingIsIgnoredAndTheTrailerMustBeAligned() throws Exception {
        byte[] ack = SEALED_ANSWERS.get(0).clone();
        ack[header(ack).bodyEnd() + 2] = 7; // what Samba <= 3.5 sent
        assertThat(AuthVerifier.decode(ack, header(ack)).padLength()).isZero();

        byte[] misaligned = ack.clone();
        misaligned[10] = 11; // auth_length 11: the trailer moves to an odd offset
        assertThatThrownBy(() -> AuthVerifier.decode(misaligned, header(misaligned)))
                .isInstanceOf(PduFormatException.class).hasMessageContaining("aligned");

        byte[] none = plainBind();
        assertThatThrownBy(() -> AuthVerifier.decode(none, header(none))).isInstanceOf(PduFormatException.class);
    }

    @Test
    void encodesTheTrailerFieldsInOrder() {
        byte[] b = new AuthVerifier(68, 6, 12, 0x01020304, new byte[] {9, 9}).encode();
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("44060c00040302010909");
        assertThat(AuthVerifier.padFor(0)).isZero();
        assertThat(AuthVerifier.padFor(1)).isEqualTo(15);
        assertThat(AuthVerifier.padFor(16)).isZero();
        assertThat(AuthVerifier.padFor(156)).isEqualTo(4);
        assertThatThrownBy(() -> new AuthVerifier(256, 6, 0, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void auth3RoundTrips() throws Exception {
        byte[] verifier = new AuthVerifier(10, 5, 0, 1, new byte[] {1, 2, 3}).encode();
        byte[] pdu = new Auth3Pdu(9, verifier).encode();
        assertThat(HexFormat.of().formatHex(pdu))
                .isEqualTo("05001003" + "10000000" + "1f00" + "0300" + "09000000" + "00000000" + "0a05000001000000" + "010203");
        PduHeader h = header(pdu);
        assertThat(Auth3Pdu.decode(pdu, h)).satisfies(a -> {
            assertThat(a.callId()).isEqualTo(9);
            assertThat(a.authVerifier()).isEqualTo(verifier);
        });
        assertThat(AuthVerifier.decode(pdu, h).authValue()).containsExactly(1, 2, 3);
    }

    @Test
    void faultNamesFollowSamba() {
        assertThat(FaultStatus.name(0x1c010002)).isEqualTo("DCERPC_NCA_S_OP_RNG_ERROR");
        assertThat(FaultStatus.name(0x1c010003)).isEqualTo("DCERPC_NCA_S_UNKNOWN_IF");
        assertThat(FaultStatus.name(0x1c01000b)).isEqualTo("DCERPC_NCA_S_PROTO_ERROR");
        assertThat(FaultStatus.name(5)).isEqualTo("DCERPC_FAULT_ACCESS_DENIED");
        assertThat(FaultStatus.name(0x6f7)).isEqualTo("DCERPC_FAULT_BAD_STUB_DATA");
        assertThat(FaultStatus.name(0x1c00001b)).isEqualTo("DCERPC_NCA_S_FAULT_REMOTE_NO_MEMORY");
        assertThat(FaultStatus.name(0x12345678)).isEqualTo("0x12345678");
    }

    /** An unauthenticated bind, to show decode refuses a PDU without a verifier. */
    private static byte[] plainBind() {
        return new BindPdu(PduType.BIND, 3, 1, 5840, 5840, 0, List.of(new PresentationContext(0,
                SyntaxId.NDR20, List.of(SyntaxId.NDR20))), null).encode();
    }
}
