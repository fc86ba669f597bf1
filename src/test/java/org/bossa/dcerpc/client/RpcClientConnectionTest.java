package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bossa.dcerpc.client.ServerPdus.FIRST_LAST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.bossa.dcerpc.Auth3Pdu;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.BindNakPdu;
import org.bossa.dcerpc.BindPdu;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.RequestPdu;
import org.bossa.dcerpc.SyntaxId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bind, calls, faults and the checks on every answer, against scripted servers. */
class RpcClientConnectionTest {
    private static final SyntaxId IFACE = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);
    private static final RpcClientOptions SMALL = RpcClientOptions.defaults().withMaxFragment(1432);

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static PduHeader header(byte[] pdu) throws Exception {
        return PduHeader.decode(pdu, 0, pdu.length);
    }

    /** A connection bound (call id 1) through a script; the next call has call id 2. */
    private static RpcClientConnection bound(ScriptedTransport t) throws RpcException {
        t.answer(ServerPdus.bindAck(1, 5840, 5840));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.empty());
        return c;
    }

    // ------------------------------------------------------------------ bind

    @Test
    void bindOffersNdr20AndFeatureNegotiationAndTakesTheSmallerFragmentSizes() throws Exception {
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.bindAck(1, 4280, 2048));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThat(c.bind(IFACE, Optional.empty())).isZero();

        BindPdu bind = BindPdu.decode(t.sent.get(0), header(t.sent.get(0)));
        assertThat(bind.type()).isEqualTo(PduType.BIND);
        assertThat(bind.flags()).isEqualTo(FIRST_LAST);
        assertThat(bind.callId()).isEqualTo(1);
        assertThat(bind.maxXmitFrag()).isEqualTo(5840);
        assertThat(bind.maxRecvFrag()).isEqualTo(5840);
        assertThat(bind.contexts()).hasSize(2);
        assertThat(bind.contexts().get(0).abstractSyntax()).isEqualTo(IFACE);
        assertThat(bind.contexts().get(0).transferSyntaxes()).containsExactly(SyntaxId.NDR20);
        assertThat(bind.contexts().get(1).transferSyntaxes().get(0).isBindTimeFeatureNegotiation()).isTrue();
        assertThat(bind.authVerifier()).isEmpty();
        // the server sends at most 4280 and receives at most 2048
        assertThat(c.maxRecvFrag()).isEqualTo(4280);
        assertThat(c.maxXmitFrag()).isEqualTo(2048);
        assertThat(c.assocGroupId()).isEqualTo(0x1234);
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThat(c.isOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {BindNakPdu.AUTHENTICATION_TYPE_NOT_RECOGNIZED, BindNakPdu.PROTOCOL_VERSION_NOT_SUPPORTED,
            BindNakPdu.REASON_NOT_SPECIFIED})
    void bindNakIsTypedWithItsReason(int reason) {
        ScriptedTransport t = new ScriptedTransport().answer(new BindNakPdu(1, reason).encode());
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .isInstanceOfSatisfying(RpcBindException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(RpcBindException.Rejection.BIND_NAK);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith("bind_nak: ");
                });
        assertThat(c.isOpen()).isFalse();
        assertThat(t.closed).isTrue();
    }

    @Test
    void bindNakNamesAuthenticationTypeNotRecognized() {
        ScriptedTransport t = new ScriptedTransport()
                .answer(new BindNakPdu(1, BindNakPdu.AUTHENTICATION_TYPE_NOT_RECOGNIZED).encode());
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .hasMessage("bind_nak: authentication_type_not_recognized (8)");
    }

    @Test
    void badBindAnswersAreProtocolErrors() {
        byte[] tinyFrags = ServerPdus.bindAck(1, 1024, 5840);
        byte[] otherCall = ServerPdus.bindAck(7, 5840, 5840);
        byte[] response = ServerPdus.response(FIRST_LAST, 1, 0, new byte[8]);
        byte[] fragmented = ServerPdus.bindAck(1, 5840, 5840);
        fragmented[3] = PfcFlags.FIRST_FRAG;
        for (byte[] answer : List.of(tinyFrags, otherCall, response, fragmented)) {
            ScriptedTransport t = new ScriptedTransport().answer(answer);
            RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
            assertThatThrownBy(() -> c.bind(IFACE, Optional.empty())).isInstanceOf(RpcProtocolException.class);
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void bindAnsweredWithAFaultIsTyped() {
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.fault(1, FaultStatus.ACCESS_DENIED, true));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .isInstanceOfSatisfying(RpcFaultException.class,
                        f -> assertThat(f.statusName()).isEqualTo("DCERPC_FAULT_ACCESS_DENIED"));
    }

    @Test
    void connectionLostDuringBindIsATransportError() {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CLOSED));
    }

    @Test
    void alterContextAddsAContextAndARejectionLeavesTheConnectionUsable() throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        SyntaxId other = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

        t.answer(ServerPdus.alterResp(2, ContextResult.accept(SyntaxId.NDR20)));
        assertThat(c.alterContext(other, Optional.empty())).isEqualTo(2);
        BindPdu alter = BindPdu.decode(t.sent.get(1), header(t.sent.get(1)));
        assertThat(alter.type()).isEqualTo(PduType.ALTER_CONTEXT);
        assertThat(alter.assocGroupId()).isEqualTo(0x1234);
        assertThat(alter.contexts()).hasSize(1);
        assertThat(alter.contexts().get(0).contextId()).isEqualTo(2);
        assertThat(alter.contexts().get(0).abstractSyntax()).isEqualTo(other);

        t.answer(ServerPdus.response(FIRST_LAST, 3, 2, new byte[] {9}));
        assertThat(c.call(2, 5, new byte[] {1})).containsExactly(9);
        assertThat(RequestPdu.decode(t.sent.get(2), header(t.sent.get(2))).contextId()).isEqualTo(2);

        t.answer(ServerPdus.alterResp(4, ContextResult.reject(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED)));
        assertThatThrownBy(() -> c.alterContext(other, Optional.empty()))
                .isInstanceOfSatisfying(RpcBindException.class,
                        e -> assertThat(e.rejection()).isEqualTo(RpcBindException.Rejection.PROVIDER_REJECTION));
        assertThat(c.isOpen()).isTrue();
        assertThatThrownBy(() -> c.call(3, 5, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        t.answer(ServerPdus.response(FIRST_LAST, 5, 0, new byte[] {7}));
        assertThat(c.call(5, new byte[0])).containsExactly(7);
    }

    // ------------------------------------------------------------------ calls and faults

    @Test
    void callIdsIncreaseAndAllocHintIsTheStubLength() throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        for (int i = 0; i < 3; i++) {
            t.answer(ServerPdus.response(FIRST_LAST, 2 + i, 0, new byte[] {(byte) i}));
            assertThat(c.call(7, new byte[10 + i])).containsExactly(i);
            RequestPdu r = RequestPdu.decode(t.sent.get(1 + i), header(t.sent.get(1 + i)));
            assertThat(r.callId()).isEqualTo(2 + i);
            assertThat(r.opnum()).isEqualTo(7);
            assertThat(r.allocHint()).isEqualTo(10 + i);
            assertThat(r.flags()).isEqualTo(FIRST_LAST);
        }
    }

    @Test
    void faultsAreTypedWithStatusAndName() throws Exception {
        int[] statuses = {FaultStatus.OP_RNG_ERROR, FaultStatus.UNKNOWN_IF, FaultStatus.ACCESS_DENIED,
                FaultStatus.BAD_STUB_DATA, FaultStatus.INVALID_TAG, 0x0BADF00D};
        String[] names = {"DCERPC_NCA_S_OP_RNG_ERROR", "DCERPC_NCA_S_UNKNOWN_IF", "DCERPC_FAULT_ACCESS_DENIED",
                "DCERPC_FAULT_BAD_STUB_DATA", "DCERPC_NCA_S_FAULT_INVALID_TAG", "0x0badf00d"};
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        for (int i = 0; i < statuses.length; i++) {
            int status = statuses[i];
            String name = names[i];
            t.answer(ServerPdus.fault(2 + i, status, i % 2 == 0));
            int expectDne = i % 2;
            assertThatThrownBy(() -> c.call(1, new byte[4]))
                    .isInstanceOfSatisfying(RpcFaultException.class, f -> {
                        assertThat(f.status()).isEqualTo(status);
                        assertThat(f.statusName()).isEqualTo(name);
                        assertThat(f.didNotExecute()).isEqualTo(expectDne == 0);
                        assertThat(f.getMessage()).contains(name);
                    });
            assertThat(c.isOpen()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {FaultStatus.PROTO_ERROR, FaultStatus.SEC_PKG_ERROR})
    void protocolAndSecurityFaultsCloseTheConnection(int status) throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        t.answer(ServerPdus.fault(2, status, false));
        assertThatThrownBy(() -> c.call(1, new byte[4])).isInstanceOf(RpcFaultException.class);
        assertThat(c.isOpen()).isFalse();
        assertThatThrownBy(() -> c.call(1, new byte[4]))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CLOSED));
    }

    @Test
    void requestsAreSplitAtTheNegotiatedSizeInSixteenByteMultiples() throws Exception {
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.bindAck(1, 5840, 1432));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.empty());
        byte[] stub = random(5000);
        t.answer(ServerPdus.response(FIRST_LAST, 2, 0, new byte[0]));
        assertThat(c.call(3, stub)).isEmpty();

        List<byte[]> frags = t.sent.subList(1, t.sent.size());
        assertThat(frags).hasSize(4); // 1408 + 1408 + 1408 + 776
        byte[] joined = new byte[0];
        for (int i = 0; i < frags.size(); i++) {
            byte[] f = frags.get(i);
            assertThat(f.length).isLessThanOrEqualTo(1432);
            RequestPdu r = RequestPdu.decode(f, header(f));
            assertThat(r.first()).isEqualTo(i == 0);
            assertThat(r.last()).isEqualTo(i == frags.size() - 1);
            assertThat(r.callId()).isEqualTo(2);
            assertThat(r.allocHint()).isEqualTo(stub.length - joined.length);
            if (!r.last()) {
                assertThat(r.stub().length).isEqualTo(1408);
            }
            joined = concat(joined, r.stub());
        }
        assertThat(joined).isEqualTo(stub);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void responseFragmentsAreReassembled() throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        byte[] stub = random(3000);
        t.answer(ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, Arrays.copyOfRange(stub, 0, 1000)),
                ServerPdus.response(0, 2, 0, Arrays.copyOfRange(stub, 1000, 2000)),
                ServerPdus.response(PfcFlags.LAST_FRAG, 2, 0, Arrays.copyOfRange(stub, 2000, 3000)));
        assertThat(c.call(1, new byte[0])).isEqualTo(stub);
        assertThat(c.isOpen()).isTrue();
    }

    // ------------------------------------------------------------------ reassembly errors

    private static void assertProtocolError(byte[]... answers) throws Exception {
        assertProtocolError(RpcClientOptions.defaults(), answers);
    }

    private static void assertProtocolError(RpcClientOptions options, byte[]... answers) throws Exception {
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.bindAck(1, 5840, 5840)).answer(answers);
        RpcClientConnection c = RpcClientConnection.over(t, options);
        c.bind(IFACE, Optional.empty());
        assertThatThrownBy(() -> c.call(1, new byte[8])).isInstanceOf(RpcProtocolException.class);
        assertThat(c.isOpen()).as("a broken answer closes the connection").isFalse();
        assertThat(t.closed).isTrue();
    }

    @Test
    void fragmentOfAnotherCallIsRefused() throws Exception {
        assertProtocolError(ServerPdus.response(FIRST_LAST, 3, 0, new byte[4]));
        assertProtocolError(ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, new byte[4]),
                ServerPdus.response(PfcFlags.LAST_FRAG, 1, 0, new byte[4]));
    }

    @Test
    void responseOverTheBoundIsRefused() throws Exception {
        RpcClientOptions bounded = RpcClientOptions.defaults().withMaxResponseSize(2000);
        assertProtocolError(bounded, ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, new byte[1500]),
                ServerPdus.response(PfcFlags.LAST_FRAG, 2, 0, new byte[1500]));
        // but exactly the bound is fine
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.bindAck(1, 5840, 5840),
                ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, new byte[1000]),
                ServerPdus.response(PfcFlags.LAST_FRAG, 2, 0, new byte[1000]));
        RpcClientConnection c = RpcClientConnection.over(t, bounded);
        c.bind(IFACE, Optional.empty());
        assertThat(c.call(1, new byte[0])).hasSize(2000);
    }

    @Test
    void truncatedAndLyingFragmentsAreRefused() throws Exception {
        byte[] whole = ServerPdus.response(FIRST_LAST, 2, 0, new byte[40]);
        assertProtocolError(Arrays.copyOf(whole, 50)); // frag_length 64 with 50 bytes
        byte[] shortBody = ServerPdus.response(FIRST_LAST, 2, 0, new byte[0]);
        shortBody[8] = 20; // frag_length inside the response header
        assertProtocolError(Arrays.copyOf(shortBody, 20));
        byte[] authTooLong = whole.clone();
        authTooLong[10] = 60; // auth_length beyond the fragment
        assertProtocolError(authTooLong);
        byte[] oversized = ServerPdus.response(FIRST_LAST, 2, 0, new byte[5900]);
        ScriptedTransport t = new ScriptedTransport().answer(ServerPdus.bindAck(1, 5840, 5840), oversized);
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.empty());
        assertThatThrownBy(() -> c.call(1, new byte[0])).isInstanceOf(RpcProtocolException.class)
                .hasMessageContaining("5840");
    }

    @Test
    void fragmentsOutOfSequenceAreRefused() throws Exception {
        assertProtocolError(ServerPdus.response(PfcFlags.LAST_FRAG, 2, 0, new byte[4])); // no FIRST_FRAG
        assertProtocolError(ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, new byte[4]),
                ServerPdus.response(FIRST_LAST, 2, 0, new byte[4])); // FIRST_FRAG again
        assertProtocolError(ServerPdus.response(FIRST_LAST | PfcFlags.OBJECT_UUID, 2, 0, new byte[4]));
    }

    @Test
    void answersOfTheWrongKindAreRefused() throws Exception {
        assertProtocolError(ServerPdus.bindAck(2, 5840, 5840)); // not a response
        assertProtocolError(ServerPdus.response(FIRST_LAST, 2, 1, new byte[4])); // another context
        byte[] withAuth = ServerPdus.withVerifier(ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]),
                new AuthVerifier(68, 6, 0, 1, new byte[16]).encode());
        assertProtocolError(withAuth); // a verifier on an unauthenticated connection
    }

    @Test
    void theServerClosingMidCallIsATransportError() throws Exception {
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        t.answer(ServerPdus.response(PfcFlags.FIRST_FRAG, 2, 0, new byte[4]));
        assertThatThrownBy(() -> c.call(1, new byte[0])).isInstanceOfSatisfying(RpcTransportException.class,
                e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CLOSED));
        assertThat(c.isOpen()).isFalse();
    }

    // ------------------------------------------------------------------ authenticated connections

    @Test
    void protectedCallsAreSplitPaddedSignedAndSealedBothWays() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        ProtectedEchoServer server = new ProtectedEchoServer(1432, 1432, RpcClientConnectionTest::reversed);
        ScriptedTransport t = new ScriptedTransport().respondWith(server);
        RpcClientConnection c = RpcClientConnection.over(t, SMALL);
        c.bind(IFACE, Optional.of(sec));
        assertThat(sec.receivedAckToken).isEqualTo(XorSecurity.ACK_TOKEN);
        assertThat(sec.headerSigning()).isFalse();
        BindPdu bind = BindPdu.decode(t.sent.get(0), header(t.sent.get(0)));
        assertThat(bind.flags()).as("no header signing offered for a provider without it").isEqualTo(FIRST_LAST);

        for (int size : new int[] {0, 1, 15, 16, 17, 1376, 1377, 5000}) {
            byte[] stub = random(size);
            byte[] out = c.call(2, stub);
            assertThat(out).as("answer to %d bytes", size).isEqualTo(reversed(stub));
        }
        // 1432 - 24 header - 8 trailer - 16 signature = 1384, rounded down to 1376 stub bytes a fragment
        for (byte[] f : server.requestFragments) {
            PduHeader h = header(f);
            if (!h.has(PfcFlags.LAST_FRAG)) {
                assertThat(h.bodyEnd() - 24).isEqualTo(1376);
            }
            assertThat(AuthVerifier.decode(f, h).contextId()).isEqualTo(1);
        }
        // answers: full fragments of 24 + 1376 + 8 + 16 = 1424 bytes for 1376, 1377 (one each) and 5000 (three)
        assertThat(server.responseFragmentSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1432));
        assertThat(server.responseFragmentSizes.stream().filter(n -> n == 1424).count()).isEqualTo(5);
        assertThat(server.requestFragments.stream().filter(f -> f.length == 1424).count()).isEqualTo(5);
    }

    @Test
    void headerSigningIsOfferedWhenTheProviderCanAndReported() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_INTEGRITY, true, true);
        ScriptedTransport t = new ScriptedTransport()
                .respondWith(new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.of(sec));
        assertThat(t.sent.get(0)[3]).isEqualTo((byte) (FIRST_LAST | PfcFlags.SUPPORT_HEADER_SIGN));
        assertThat(sec.headerSigning()).isTrue();
        byte[] stub = random(100);
        assertThat(c.call(1, stub)).isEqualTo(reversed(stub));
        // integrity: the stub travels in clear
        assertThat(Arrays.copyOfRange(t.sent.get(1), 24, 124)).isEqualTo(stub);
    }

    @Test
    void auth3CarriesTheProvidersThirdLeg() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        sec.auth3Token = Optional.of(new byte[] {3, 3, 3});
        ProtectedEchoServer server = new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed);
        ScriptedTransport t = new ScriptedTransport().respondWith(server);
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.of(sec));

        byte[] auth3 = t.sent.get(1);
        PduHeader h = header(auth3);
        assertThat(h.type()).isEqualTo(PduType.AUTH3);
        assertThat(h.callId()).isEqualTo(2);
        assertThat(Auth3Pdu.decode(auth3, h).authVerifier())
                .isEqualTo(new AuthVerifier(68, 6, 0, 1, new byte[] {3, 3, 3}).encode());
        assertThat(server.auth3).containsExactly(3, 3, 3);
        assertThat(c.call(1, new byte[] {1, 2})).containsExactly(2, 1);
        assertThat(header(t.sent.get(2)).callId()).isEqualTo(3);
    }

    @Test
    void aTamperedResponseFailsAndClosesTheConnection() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        ProtectedEchoServer server = new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed);
        ScriptedTransport t = new ScriptedTransport().respondWith(pdu -> {
            List<byte[]> out = new ArrayList<>(server.apply(pdu));
            if (header0(pdu) == PduType.REQUEST) {
                out.get(0)[30] ^= 1;
            }
            return out;
        });
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.of(sec));
        assertThatThrownBy(() -> c.call(1, random(40))).isInstanceOfSatisfying(RpcSecurityException.class,
                e -> assertThat(e.getCause()).isInstanceOf(ClientSecurityException.class));
        assertThat(c.isOpen()).isFalse();
    }

    private static PduType header0(byte[] pdu) {
        return PduType.fromCode(pdu[2]);
    }

    @Test
    void responsesMustCarryTheBoundVerifier() throws Exception {
        byte[][] answers = {
            ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]), // no verifier at all
            ServerPdus.withVerifier(ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]),
                    new AuthVerifier(68, 5, 0, 1, new byte[16]).encode()), // integrity, bound at privacy
            ServerPdus.withVerifier(ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]),
                    new AuthVerifier(68, 6, 0, 2, new byte[16]).encode()), // another auth context
            ServerPdus.withVerifier(ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]),
                    new AuthVerifier(10, 6, 0, 1, new byte[16]).encode()), // NTLMSSP, bound with schannel
        };
        for (byte[] answer : answers) {
            XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
            ProtectedEchoServer server = new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed);
            ScriptedTransport t = new ScriptedTransport().respondWith(
                    pdu -> header0(pdu) == PduType.REQUEST ? List.of(answer) : server.apply(pdu));
            RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
            c.bind(IFACE, Optional.of(sec));
            assertThatThrownBy(() -> c.call(1, new byte[16])).isInstanceOf(RpcSecurityException.class);
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void aPaddingLongerThanTheStubIsAProtocolError() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        ProtectedEchoServer server = new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed);
        byte[] answer = ServerPdus.withVerifier(ServerPdus.response(FIRST_LAST, 2, 0, new byte[16]),
                new AuthVerifier(68, 6, 17, 1, new byte[16]).encode());
        ScriptedTransport t = new ScriptedTransport().respondWith(
                pdu -> header0(pdu) == PduType.REQUEST ? List.of(answer) : server.apply(pdu));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(IFACE, Optional.of(sec));
        assertThatThrownBy(() -> c.call(1, new byte[16])).isInstanceOf(RpcProtocolException.class)
                .hasMessageContaining("auth_pad_length 17");
    }

    @Test
    void aRefusedBindAnswerOrABadSignatureSizeIsASecurityError() throws Exception {
        XorSecurity refusing = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        byte[] ack = ServerPdus.withVerifier(ServerPdus.bindAck(1, 5840, 5840),
                new AuthVerifier(68, 6, 0, 1, new byte[] {'n', 'o'}).encode());
        ScriptedTransport t = new ScriptedTransport().answer(ack);
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.of(refusing))).isInstanceOf(RpcSecurityException.class);
        assertThat(c.isOpen()).isFalse();

        ClientSecurity shortSignature = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false) {
            @Override
            public byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset) {
                return new byte[4];
            }
        };
        ScriptedTransport t2 = new ScriptedTransport()
                .respondWith(new ProtectedEchoServer(5840, 5840, RpcClientConnectionTest::reversed));
        RpcClientConnection c2 = RpcClientConnection.over(t2, RpcClientOptions.defaults());
        c2.bind(IFACE, Optional.of(shortSignature));
        assertThatThrownBy(() -> c2.call(1, new byte[3])).isInstanceOf(RpcSecurityException.class)
                .hasMessageContaining("4 bytes");
    }

    @Test
    void securityCanBeAddedByAlterContextOnce() throws Exception {
        XorSecurity sec = new XorSecurity(AuthVerifier.AUTH_LEVEL_PRIVACY, true, false);
        ScriptedTransport t = new ScriptedTransport();
        RpcClientConnection c = bound(t);
        byte[] resp = ServerPdus.withVerifier(ServerPdus.alterResp(2, ContextResult.accept(SyntaxId.NDR20)),
                new AuthVerifier(68, 6, 0, 1, XorSecurity.ACK_TOKEN).encode());
        t.answer(resp);
        assertThat(c.alterContext(IFACE, Optional.of(sec))).isEqualTo(2);
        AuthVerifier sent = AuthVerifier.decode(t.sent.get(1), header(t.sent.get(1)));
        assertThat(sent.authValue()).isEqualTo(XorSecurity.BIND_TOKEN);
        assertThat(c.authLevel()).isEqualTo(6);
        assertThatThrownBy(() -> c.alterContext(IFACE, Optional.of(sec))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void providersAtLevelsBelowPacketAreRefused() {
        RpcClientConnection c = RpcClientConnection.over(new ScriptedTransport(), RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.of(new XorSecurity(AuthVerifier.AUTH_LEVEL_CONNECT, true, false))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
