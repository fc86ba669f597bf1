package org.bossa.rpc.netlogon.schannel;

import java.util.Arrays;

/**
 * A request (type 0) or response (type 2) PDU laid out as the RPC client connection hands it to
 * {@link org.bossa.dcerpc.client.ClientSecurity#protect}: header with final frag_length and
 * auth_length, stub, auth padding to 16 bytes, sec_trailer, then 56 zero signature bytes.
 */
record TestPdu(byte[] bytes, int stubOffset, int stubLength, int signatureOffset) {

    static TestPdu request(byte[] stub, int authLevel, int callId) {
        return build(0, stub, authLevel, callId);
    }

    static TestPdu response(byte[] stub, int authLevel, int callId) {
        return build(2, stub, authLevel, callId);
    }

    private static TestPdu build(int type, byte[] stub, int authLevel, int callId) {
        int pad = (16 - stub.length % 16) % 16;
        int sigOffset = 24 + stub.length + pad + 8;
        byte[] pdu = new byte[sigOffset + NetlogonSignature.SIZE];
        pdu[0] = 5;
        pdu[2] = (byte) type;
        pdu[3] = 0x03;
        pdu[4] = 0x10;
        le16(pdu, 8, pdu.length);
        le16(pdu, 10, NetlogonSignature.SIZE);
        le32(pdu, 12, callId);
        le32(pdu, 16, stub.length);
        le16(pdu, 20, 1);
        le16(pdu, 22, type == 0 ? 21 : 0);
        System.arraycopy(stub, 0, pdu, 24, stub.length);
        int t = 24 + stub.length + pad;
        pdu[t] = 0x44;
        pdu[t + 1] = (byte) authLevel;
        pdu[t + 2] = (byte) pad;
        le32(pdu, t + 4, 1);
        return new TestPdu(pdu, 24, stub.length + pad, sigOffset);
    }

    TestPdu copy() {
        return new TestPdu(bytes.clone(), stubOffset, stubLength, signatureOffset);
    }

    byte[] stub() {
        return Arrays.copyOfRange(bytes, stubOffset, stubOffset + stubLength);
    }

    /** Places {@code signature} at the signature offset, as the connection does after protect. */
    TestPdu withSignature(byte[] signature) {
        System.arraycopy(signature, 0, bytes, signatureOffset, signature.length);
        return this;
    }

    int signatureLength() {
        return bytes.length - signatureOffset;
    }

    private static void le16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int off, int v) {
        le16(b, off, v);
        le16(b, off + 2, v >>> 16);
    }
}
