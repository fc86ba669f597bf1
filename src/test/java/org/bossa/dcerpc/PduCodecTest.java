package org.bossa.dcerpc;

import static org.bossa.dcerpc.PduTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PDU encoders and decoders against bytes produced by Samba's marshalling code. */
class PduCodecTest {
    @Test
    void decodesSambaBindWithThreeContexts() throws Exception {
        byte[] b = hex(SambaVectors.BIND_3_CONTEXTS);
        PduHeader h = PduHeader.decode(b, 0, b.length);
        assertEquals(PduType.BIND, h.type());
        assertEquals(2, h.callId());
        BindPdu bind = BindPdu.decode(b, h);
        assertEquals(4280, bind.maxXmitFrag());
        assertEquals(4280, bind.maxRecvFrag());
        assertEquals(3, bind.contexts().size());
        assertEquals(List.of(SyntaxId.NDR20), bind.contexts().get(0).transferSyntaxes());
        assertEquals(List.of(SyntaxId.NDR64), bind.contexts().get(1).transferSyntaxes());
        SyntaxId btfn = bind.contexts().get(2).transferSyntaxes().get(0);
        assertTrue(btfn.isBindTimeFeatureNegotiation());
        assertEquals(0x03, btfn.bindTimeFeatures());
        assertEquals(btfn, SyntaxId.bindTimeFeatureNegotiation(3));
        assertEquals(new SyntaxId(PduTestSupport.SRVSVC, 3, 0), bind.contexts().get(0).abstractSyntax());
        // and back
        assertArrayEquals(b, bind.encode());
    }

    @Test
    void bindAckMatchesSamba() throws Exception {
        BindAckPdu ack = new BindAckPdu(PduType.BIND_ACK, 3, 2, 4280, 4280, 0x5351, "\\PIPE\\srvsvc", List.of(
                ContextResult.accept(SyntaxId.NDR20),
                ContextResult.reject(ContextResult.PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                new ContextResult(ContextResult.NEGOTIATE_ACK, 2, SyntaxId.NULL)));
        byte[] expected = hex(SambaVectors.BIND_ACK_3_CONTEXTS);
        assertArrayEquals(expected, ack.encode());
        BindAckPdu back = BindAckPdu.decode(expected, PduHeader.decode(expected, 0, expected.length));
        assertEquals(ack, back);
    }

    @Test
    void faultMatchesSamba() throws Exception {
        byte[] expected = hex(SambaVectors.FAULT_OP_RNG);
        assertArrayEquals(expected, new FaultPdu(0x23, 7, 0, FaultStatus.OP_RNG_ERROR).encode());
        assertEquals(FaultStatus.OP_RNG_ERROR, FaultPdu.decode(expected, PduHeader.decode(expected, 0, 32)).status());
    }

    @Test
    void requestRoundTripsWithSamba() throws Exception {
        byte[] b = hex(SambaVectors.REQUEST_SHARE_ENUM_L1);
        PduHeader h = PduHeader.decode(b, 0, b.length);
        RequestPdu r = RequestPdu.decode(b, h);
        assertEquals(15, r.opnum());
        assertEquals(0, r.contextId());
        assertEquals(3, r.callId());
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_IN_L1), r.stub());
        assertArrayEquals(b, r.encode());
    }

    @Test
    void requestWithObjectUuid() throws Exception {
        java.util.UUID obj = java.util.UUID.randomUUID();
        byte[] b = new RequestPdu(3, 9, 4, 1, 2, obj, new byte[] {1, 2, 3, 4}).encode();
        RequestPdu r = RequestPdu.decode(b, PduHeader.decode(b, 0, b.length));
        assertEquals(obj, r.object());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, r.stub());
    }

    @Test
    void bindNakLayout() throws Exception {
        byte[] b = new BindNakPdu(4, BindNakPdu.PROTOCOL_VERSION_NOT_SUPPORTED).encode();
        assertArrayEquals(hex("05000d03 10000000 18000000 04000000 0400 01 05 00 000000"), b);
        assertEquals(4, BindNakPdu.decode(b, PduHeader.decode(b, 0, b.length)).rejectReason());
    }

    @Test
    void headerValidation() {
        byte[] ok = hex(SambaVectors.FAULT_OP_RNG);
        assertThrows(PduFormatException.class, () -> PduHeader.decode(ok, 0, 15));
        assertThrows(PduFormatException.class, () -> PduHeader.decode(ok, 0, 31)); // frag_length > available
        byte[] v4 = ok.clone();
        v4[0] = 4;
        assertThrows(PduFormatException.class, () -> PduHeader.decode(v4, 0, 32));
        byte[] bigEndian = ok.clone();
        bigEndian[4] = 0;
        assertThrows(PduFormatException.class, () -> PduHeader.decode(bigEndian, 0, 32));
        byte[] type = ok.clone();
        type[2] = 99;
        assertThrows(PduFormatException.class, () -> PduHeader.decode(type, 0, 32));
        byte[] tiny = ok.clone();
        tiny[8] = 8;
        assertThrows(PduFormatException.class, () -> PduHeader.decode(tiny, 0, 32));
        byte[] auth = ok.clone();
        auth[10] = 9; // 16 + 8 + 9 > 32
        assertThrows(PduFormatException.class, () -> PduHeader.decode(auth, 0, 32));
    }

    @Test
    void bindBodyValidation() throws Exception {
        byte[] b = hex(SambaVectors.BIND_3_CONTEXTS);
        // claim 4 contexts: the list runs past the fragment
        byte[] more = b.clone();
        more[24] = 4;
        assertThrows(PduFormatException.class, () -> BindPdu.decode(more, PduHeader.decode(more, 0, more.length)));
        // zero contexts
        byte[] none = b.clone();
        none[24] = 0;
        assertThrows(PduFormatException.class, () -> BindPdu.decode(none, PduHeader.decode(none, 0, none.length)));
        // frag_length cuts the context list short
        byte[] cut = b.clone();
        cut[8] = 60;
        assertThrows(PduFormatException.class, () -> BindPdu.decode(cut, PduHeader.decode(cut, 0, cut.length)));
        // a context with zero transfer syntaxes
        byte[] zeroTs = b.clone();
        zeroTs[30] = 0;
        assertThrows(PduFormatException.class, () -> BindPdu.decode(zeroTs, PduHeader.decode(zeroTs, 0, zeroTs.length)));
    }
}
