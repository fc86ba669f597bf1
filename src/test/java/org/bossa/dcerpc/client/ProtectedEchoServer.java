package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.BindPdu;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.RequestPdu;

/**
 * A server for {@link ScriptedTransport} that speaks the authenticated protocol with the
 * {@link XorSecurity} twin of the client's provider: it checks every request fragment (size, the
 * sec_trailer, the 16-byte alignment of stub and padding, the signature), reassembles the stub and
 * answers with protected response fragments of at most {@code maxXmit} bytes.
 */
final class ProtectedEchoServer implements Function<byte[], List<byte[]>> {
    private final int maxXmit;
    private final int maxRecv;
    private final UnaryOperator<byte[]> operation;
    private XorSecurity server;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    final List<byte[]> requestFragments = new ArrayList<>();
    final List<Integer> responseFragmentSizes = new ArrayList<>();
    byte[] auth3;

    ProtectedEchoServer(int maxXmit, int maxRecv, UnaryOperator<byte[]> operation) {
        this.maxXmit = maxXmit;
        this.maxRecv = maxRecv;
        this.operation = operation;
    }

    @Override
    public List<byte[]> apply(byte[] pdu) {
        try {
            PduHeader h = PduHeader.decode(pdu, 0, pdu.length);
            return switch (h.type()) {
                case BIND -> bind(pdu, h);
                case AUTH3 -> {
                    auth3 = AuthVerifier.decode(pdu, h).authValue();
                    yield List.of();
                }
                case REQUEST -> request(pdu, h);
                default -> throw new AssertionError("unexpected " + h.type());
            };
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> bind(byte[] pdu, PduHeader h) throws Exception {
        BindPdu b = BindPdu.decode(pdu, h);
        AuthVerifier v = AuthVerifier.decode(pdu, h);
        assertThat(v.authValue()).isEqualTo(XorSecurity.BIND_TOKEN);
        assertThat(v.padLength()).isZero();
        byte[] ack = ServerPdus.bindAck(b.callId(), maxXmit, maxRecv);
        if (h.has(PfcFlags.SUPPORT_HEADER_SIGN)) {
            ack[3] |= PfcFlags.SUPPORT_HEADER_SIGN;
        }
        byte[] verifier = new AuthVerifier(v.authType(), v.authLevel(), 0, v.contextId(), XorSecurity.ACK_TOKEN).encode();
        // the server's provider learns the header signing answer as the client's does
        XorSecurity twin = new XorSecurity(v.authLevel(), true, false);
        twin.headerSigningNegotiated(h.has(PfcFlags.SUPPORT_HEADER_SIGN));
        server = twin.peer();
        return List.of(ServerPdus.withVerifier(ack, verifier));
    }

    private List<byte[]> request(byte[] pdu, PduHeader h) throws Exception {
        requestFragments.add(pdu.clone());
        assertThat(pdu.length).isLessThanOrEqualTo(maxRecv);
        AuthVerifier v = AuthVerifier.decode(pdu, h);
        int stubAndPad = h.bodyEnd() - RequestPdu.HEADER_SIZE;
        assertThat(stubAndPad % AuthVerifier.PAD_ALIGNMENT).as("stub and padding fill 16-byte blocks").isZero();
        assertThat(h.authLength()).isEqualTo(XorSecurity.SIGNATURE_SIZE);
        if (!h.has(PfcFlags.LAST_FRAG)) {
            assertThat(v.padLength()).as("only the last fragment is padded").isZero();
        }
        server.unprotect(pdu, RequestPdu.HEADER_SIZE, stubAndPad, h.fragLength() - h.authLength(), h.authLength());
        byte[] plain = RequestPdu.decode(pdu, h).stub();
        assertThat(Arrays.copyOfRange(plain, stubAndPad - v.padLength(), stubAndPad)).as("padding")
                .isEqualTo(new byte[v.padLength()]);
        request.write(plain, 0, stubAndPad - v.padLength());
        if (!h.has(PfcFlags.LAST_FRAG)) {
            return List.of();
        }
        int contextId = RequestPdu.decode(pdu, h).contextId();
        byte[] out = operation.apply(request.toByteArray());
        request.reset();
        return respond(h.callId(), contextId, out, v);
    }

    private List<byte[]> respond(int callId, int contextId, byte[] stub, AuthVerifier bound) throws Exception {
        int room = maxXmit - 24 - 8 - XorSecurity.SIGNATURE_SIZE;
        room -= room % 16;
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        do {
            int n = Math.min(room, stub.length - off);
            int pad = AuthVerifier.padFor(n);
            int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
            NdrWriter w = new NdrWriter(maxXmit);
            PduHeader.begin(w, PduType.RESPONSE, flags, callId);
            w.rawU32(stub.length - off).rawU16(contextId).u8(0).u8(0);
            w.bytes(stub, off, n).zeros(pad);
            w.bytes(new AuthVerifier(bound.authType(), bound.authLevel(), pad, bound.contextId(),
                    new byte[XorSecurity.SIGNATURE_SIZE]).encode());
            byte[] pdu = PduHeader.finish(w, XorSecurity.SIGNATURE_SIZE);
            byte[] sig = server.protect(pdu, 24, n + pad, pdu.length - XorSecurity.SIGNATURE_SIZE);
            System.arraycopy(sig, 0, pdu, pdu.length - sig.length, sig.length);
            responseFragmentSizes.add(pdu.length);
            out.add(pdu);
            off += n;
        } while (off < stub.length);
        return out;
    }
}
