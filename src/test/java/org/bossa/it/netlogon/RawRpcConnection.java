package org.bossa.it.netlogon;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.BindPdu;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.PresentationContext;
import org.bossa.dcerpc.SyntaxId;
import org.bossa.dcerpc.client.ClientSecurity;

/**
 * Just enough of a DCE/RPC client over ncacn_ip_tcp to drive a {@link ClientSecurity} against a
 * real DC: one authenticated bind to Netlogon, then single-fragment requests. The real client
 * connection is org.bossa.dcerpc.client's; this one exists so the SSP can be proven before it does.
 */
final class RawRpcConnection implements AutoCloseable {

    static final SyntaxId NETLOGON = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);
    /** PFC_SUPPORT_HEADER_SIGN shares its bit with PFC_PENDING_CANCEL (MS-RPCE 2.2.2.3). */
    static final int SUPPORT_HEADER_SIGN = PfcFlags.PENDING_CANCEL;
    private static final int AUTH_CONTEXT_ID = 1;
    private static final int MAX_FRAG = 4280;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private ClientSecurity security;
    private int callId = 1;

    RawRpcConnection(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Binds Netlogon with {@code security}; returns whether header signing was negotiated. */
    boolean bind(ClientSecurity security, boolean proposeHeaderSigning) throws Exception {
        this.security = security;
        byte[] token = security.bindToken();
        byte[] verifier = new byte[PduHeader.SEC_TRAILER_SIZE + token.length];
        writeTrailer(verifier, 0, 0);
        System.arraycopy(token, 0, verifier, PduHeader.SEC_TRAILER_SIZE, token.length);
        int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | (proposeHeaderSigning ? SUPPORT_HEADER_SIGN : 0);
        BindPdu bind = new BindPdu(PduType.BIND, flags, callId++, MAX_FRAG, MAX_FRAG, 0,
                List.of(new PresentationContext(0, NETLOGON, List.of(SyntaxId.NDR20))), verifier);
        out.write(bind.encode());
        byte[] pdu = readPdu();
        PduHeader h = PduHeader.decode(pdu, 0, pdu.length);
        if (h.type() != PduType.BIND_ACK) {
            throw new IllegalStateException("bind answered with " + h.type() + " " + hex(pdu));
        }
        BindAckPdu ack = BindAckPdu.decode(pdu, h);
        if (ack.results().getFirst().result() != 0) {
            throw new IllegalStateException("netlogon context rejected: " + ack.results());
        }
        security.acceptBindAck(Arrays.copyOfRange(pdu, h.fragLength() - h.authLength(), h.fragLength()));
        boolean headerSigning = proposeHeaderSigning && h.has(SUPPORT_HEADER_SIGN);
        security.headerSigningNegotiated(headerSigning);
        return headerSigning;
    }

    /** One protected request; returns the response stub without auth padding, or throws on a fault. */
    byte[] call(int opnum, byte[] stub) throws Exception {
        return call(opnum, stub, -1);
    }

    /** As {@link #call(int, byte[])}, flipping one bit of the protected PDU at {@code tamperAt} (if >= 0). */
    byte[] call(int opnum, byte[] stub, int tamperAt) throws Exception {
        int pad = (16 - stub.length % 16) % 16;
        int sigOffset = 24 + stub.length + pad + PduHeader.SEC_TRAILER_SIZE;
        int sigSize = security.signatureSize();
        byte[] pdu = new byte[sigOffset + sigSize];
        pdu[0] = 5;
        pdu[2] = (byte) PduType.REQUEST.code();
        pdu[3] = (byte) (PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG);
        pdu[4] = (byte) PduHeader.DREP_LE;
        le16(pdu, 8, pdu.length);
        le16(pdu, 10, sigSize);
        le32(pdu, 12, callId++);
        le32(pdu, 16, stub.length);
        le16(pdu, 20, 0);
        le16(pdu, 22, opnum);
        System.arraycopy(stub, 0, pdu, 24, stub.length);
        writeTrailer(pdu, 24 + stub.length + pad, pad);
        byte[] signature = security.protect(pdu, 24, stub.length + pad, sigOffset);
        System.arraycopy(signature, 0, pdu, sigOffset, signature.length);
        if (tamperAt >= 0) {
            pdu[tamperAt] ^= 0x01;
        }
        out.write(pdu);

        byte[] answer = readPdu();
        PduHeader h = PduHeader.decode(answer, 0, answer.length);
        if (h.type() == PduType.FAULT) {
            throw new RpcFaultException((answer[24] & 0xFF) | (answer[25] & 0xFF) << 8 | (answer[26] & 0xFF) << 16
                    | (answer[27] & 0xFF) << 24);
        }
        if (h.type() != PduType.RESPONSE || h.authLength() == 0) {
            throw new IllegalStateException("unexpected answer " + h);
        }
        int trailer = h.fragLength() - h.authLength() - PduHeader.SEC_TRAILER_SIZE;
        int answerPad = answer[trailer + 2] & 0xFF;
        security.unprotect(answer, 24, trailer - 24, trailer + PduHeader.SEC_TRAILER_SIZE, h.authLength());
        return Arrays.copyOfRange(answer, 24, trailer - answerPad);
    }

    /** A fault PDU's status, or the connection closed by the server (status -1). */
    static final class RpcFaultException extends Exception {
        final int status;

        RpcFaultException(int status) {
            super(String.format("fault 0x%08x", status));
            this.status = status;
        }
    }

    private void writeTrailer(byte[] b, int off, int pad) {
        b[off] = (byte) security.authType();
        b[off + 1] = (byte) security.authLevel();
        b[off + 2] = (byte) pad;
        b[off + 3] = 0;
        le32(b, off + 4, AUTH_CONTEXT_ID);
    }

    private byte[] readPdu() throws IOException, RpcFaultException {
        byte[] header = new byte[PduHeader.SIZE];
        try {
            in.readFully(header);
        } catch (java.io.EOFException e) {
            throw new RpcFaultException(-1);
        }
        int frag = PduHeader.peekFragLength(header, 0);
        byte[] pdu = Arrays.copyOf(header, Math.max(frag, PduHeader.SIZE));
        in.readFully(pdu, PduHeader.SIZE, pdu.length - PduHeader.SIZE);
        return pdu;
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    private static void le16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int off, int v) {
        le16(b, off, v);
        le16(b, off + 2, v >>> 16);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
