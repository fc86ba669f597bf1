package org.bossa.rpc.netlogon.schannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bossa.dcerpc.client.ClientSecurityException;
import org.bossa.rpc.netlogon.crypto.FixedRandom;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;
import org.bossa.rpc.netlogon.crypto.NetlogonVectors;
import org.bossa.rpc.netlogon.schannel.NetlogonMessageProtection.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Netlogon SSP with AES (MS-NRPC 3.3.4.2): byte-exact against netlogon_vectors.py, round trips
 * with a test-side server context, and every kind of tampering, replay and bad layout.
 */
class NetlogonSspTest {

    private static final byte[] SESSION_KEY = NetlogonVectors.named("credentials-ascii").hex("session_key");
    private static final byte[] SAMBA_BIND_ACK = HexFormat.of().parseHex("010000000000000000006c00");

    // ---- byte-exact vectors --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ssp-sealed", "ssp-sealed-hdrsign", "ssp-signed", "ssp-signed-hdrsign"})
    void requestAndResponseMatchTheReference(String name) throws Exception {
        NetlogonVectors v = NetlogonVectors.named(name);
        boolean sealed = v.integer("auth_level") == NetlogonSsp.AUTH_LEVEL_PRIVACY;
        FixedRandom random = sealed ? new FixedRandom(v.hex("request_confounder")) : new FixedRandom();
        NetlogonSsp ssp = bound(new NetlogonSsp(v.hex("session_key"), NlAuthMessage.negotiate("FIXTURE", "NLRPC1"),
                v.integer("auth_level"), random));
        ssp.headerSigningNegotiated(Boolean.parseBoolean(v.text("header_signing")));

        byte[] request = v.hex("request_plain");
        byte[] signature = ssp.protect(request, v.integer("request_stub_offset"), v.integer("request_stub_length"),
                v.integer("request_signature_offset"));
        assertThat(signature).hasSize(ssp.signatureSize()).isEqualTo(v.hex("request_signature"));
        System.arraycopy(signature, 0, request, v.integer("request_signature_offset"), signature.length);
        assertThat(request).isEqualTo(v.hex("request_protected"));
        assertThat(random.consumed()).isEqualTo(sealed ? 8 : 0);

        byte[] response = v.hex("response_protected");
        ssp.unprotect(response, v.integer("response_stub_offset"), v.integer("response_stub_length"),
                v.integer("response_signature_offset"), response.length - v.integer("response_signature_offset"));
        int so = v.integer("response_stub_offset");
        int sl = v.integer("response_stub_length");
        assertThat(Arrays.copyOfRange(response, so, so + sl))
                .isEqualTo(Arrays.copyOfRange(v.hex("response_plain"), so, so + sl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequence-0", "sequence-1", "sequence-500000007", "sequence-7fffffffffffffff"})
    void sequenceNumbersMatchTheReference(String name) {
        NetlogonVectors v = NetlogonVectors.named(name);
        assertThat(NetlogonMessageProtection.sequenceBytes(v.number("n"), true)).isEqualTo(v.hex("client"));
        assertThat(NetlogonMessageProtection.sequenceBytes(v.number("n"), false)).isEqualTo(v.hex("server"));
    }

    @Test
    void theBindTokenIsTheNegotiateMessage() {
        NetlogonSsp ssp = new NetlogonSsp(SESSION_KEY, NlAuthMessage.negotiate("FIXTURE", "NLRPC1"), 6,
                new SecureRandom());
        assertThat(ssp.bindToken()).isEqualTo(NetlogonVectors.named("nl-auth-negotiate").hex("token"));
        assertThat(ssp.authType()).isEqualTo(0x44);
        assertThat(ssp.authLevel()).isEqualTo(6);
        assertThat(ssp.signatureSize()).isEqualTo(56);
    }

    // ---- bind ------------------------------------------------------------------------------------

    @Test
    void aNegotiateResponseCompletesTheBindWithoutAThirdLeg() throws Exception {
        NetlogonSsp ssp = client(true);
        assertThat(ssp.acceptBindAck(SAMBA_BIND_ACK)).isEmpty();
        assertThat(ssp.acceptBindAck(HexFormat.of().parseHex("0100000000000000"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01000000", "0000000003000000", "0200000000000000"})
    void aBindAckWithoutANegotiateResponseIsRefused(String hex) {
        NetlogonSsp ssp = client(true);
        assertClientFailure(() -> ssp.acceptBindAck(HexFormat.of().parseHex(hex)), Reason.BAD_AUTH_MESSAGE);
        assertThatThrownBy(() -> ssp.acceptBindAck(null)).isInstanceOf(ClientSecurityException.class);
    }

    @Test
    void nothingIsProtectedBeforeTheBindIsAccepted() {
        NetlogonSsp ssp = client(true);
        TestPdu pdu = TestPdu.request(new byte[10], 6, 1);
        assertThatThrownBy(() -> ssp.protect(pdu.bytes(), pdu.stubOffset(), pdu.stubLength(), pdu.signatureOffset()))
                .isInstanceOf(ClientSecurityException.class).hasMessageContaining("not bound");
    }

    @Test
    void aLevelOtherThanIntegrityOrPrivacyIsRefused() {
        assertThatThrownBy(() -> new NetlogonSsp(SESSION_KEY, NlAuthMessage.negotiate("D", "C"), 4, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- round trips with a server context ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"sealed", "sealed-hdrsign", "signed", "signed-hdrsign"})
    void manyExchangesRoundTrip(String mode) throws Exception {
        boolean sealed = mode.startsWith("sealed");
        boolean hdr = mode.endsWith("hdrsign");
        NetlogonSsp client = bound(client(sealed));
        client.headerSigningNegotiated(hdr);
        NetlogonMessageProtection server = server(SESSION_KEY, sealed, hdr);
        Random sizes = new Random(42);
        for (int call = 1; call <= 20; call++) {
            byte[] stub = new byte[call == 1 ? 0 : sizes.nextInt(3000)];
            sizes.nextBytes(stub);
            TestPdu request = TestPdu.request(stub, client.authLevel(), call);
            byte[] plainStub = request.stub();
            request.withSignature(client.protect(request.bytes(), request.stubOffset(), request.stubLength(),
                    request.signatureOffset()));
            if (sealed && stub.length > 16) {
                assertThat(request.stub()).isNotEqualTo(plainStub);
            } else if (!sealed) {
                assertThat(request.stub()).isEqualTo(plainStub);
            }
            server.unprotect(request.bytes(), request.stubOffset(), request.stubLength(), request.signatureOffset(),
                    request.signatureLength());
            assertThat(request.stub()).isEqualTo(plainStub);

            byte[] answer = new byte[sizes.nextInt(5000)];
            sizes.nextBytes(answer);
            TestPdu response = TestPdu.response(answer, client.authLevel(), call);
            byte[] plainAnswer = response.stub();
            response.withSignature(server.protect(response.bytes(), response.stubOffset(), response.stubLength(),
                    response.signatureOffset()));
            client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(),
                    response.signatureOffset(), response.signatureLength());
            assertThat(response.stub()).isEqualTo(plainAnswer);
        }
        assertThat(server.sequence()).isEqualTo(40);
    }

    @Test
    void fragmentsOfOneCallEachTakeASequenceNumber() throws Exception {
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        for (int fragment = 0; fragment < 3; fragment++) {
            TestPdu request = protectedRequest(client, 100, 9);
            server.unprotect(request.bytes(), request.stubOffset(), request.stubLength(), request.signatureOffset(),
                    request.signatureLength());
        }
        TestPdu response = serverResponse(server, 9);
        client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(), response.signatureOffset(),
                response.signatureLength());
    }

    @Test
    void theConfounderIsFreshForEveryPdu() throws Exception {
        NetlogonSsp client = bound(client(true));
        byte[] a = protectedRequest(client, 64, 1).bytes();
        byte[] b = protectedRequest(client, 64, 1).bytes();
        int sig = a.length - 56;
        assertThat(Arrays.copyOfRange(a, sig + 24, sig + 32)).isNotEqualTo(Arrays.copyOfRange(b, sig + 24, sig + 32));
    }

    @Test
    void aSignOnlyPeerMaySendTheShort48ByteSignature() throws Exception {
        NetlogonSsp client = bound(client(false));
        NetlogonMessageProtection server = server(SESSION_KEY, false, false);
        protectedRequestTo(server, client);
        TestPdu response = serverResponse(server, 1);
        client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(), response.signatureOffset(), 48);
    }

    // ---- tampering -------------------------------------------------------------------------------

    /** Where to flip one bit of a sealed response, and the failure the client must report. */
    @ParameterizedTest
    @ValueSource(strings = {
        "signature:0:BAD_SIGNATURE_HEADER",     // SignatureAlgorithm
        "signature:2:BAD_SIGNATURE_HEADER",     // SealAlgorithm
        "signature:4:BAD_SIGNATURE_HEADER",     // Pad
        "signature:6:CHECKSUM_MISMATCH",        // Flags: disregarded, but covered by the checksum
        "signature:8:SEQUENCE_MISMATCH",        // encrypted SequenceNumber
        "signature:15:SEQUENCE_MISMATCH",
        "signature:16:SEQUENCE_MISMATCH",       // Checksum: it is also the IV of the sequence number
        "signature:23:SEQUENCE_MISMATCH",
        "signature:24:CHECKSUM_MISMATCH",       // encrypted Confounder
        "signature:31:CHECKSUM_MISMATCH",
        "stub:0:CHECKSUM_MISMATCH",             // sealed data
        "stub:-1:CHECKSUM_MISMATCH",            // the last byte of the padding
    })
    void aFlippedBitIsATypedFailure(String spec) throws Exception {
        String[] parts = spec.split(":");
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        protectedRequestTo(server, client);
        TestPdu response = serverResponse(server, 1);
        int at = Integer.parseInt(parts[1]);
        int index = parts[0].equals("signature") ? response.signatureOffset() + at
                : at >= 0 ? response.stubOffset() + at : response.stubOffset() + response.stubLength() + at;
        response.bytes()[index] ^= 0x01;
        assertClientFailure(() -> client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(),
                response.signatureOffset(), response.signatureLength()), Reason.valueOf(parts[2]));
    }

    @Test
    void withHeaderSigningAChangedHeaderOrTrailerFails() throws Exception {
        for (int index : new int[] {12, 20, 22}) { // call_id, p_cont_id, cancel_count
            NetlogonSsp client = bound(client(true));
            client.headerSigningNegotiated(true);
            NetlogonMessageProtection server = server(SESSION_KEY, true, true);
            protectedRequestTo(server, client);
            TestPdu response = serverResponse(server, 1);
            response.bytes()[index] ^= 0x01;
            assertClientFailure(() -> client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(),
                    response.signatureOffset(), response.signatureLength()), Reason.CHECKSUM_MISMATCH);
        }
        NetlogonSsp client = bound(client(true));
        client.headerSigningNegotiated(true);
        NetlogonMessageProtection server = server(SESSION_KEY, true, true);
        protectedRequestTo(server, client);
        TestPdu response = serverResponse(server, 1);
        response.bytes()[response.signatureOffset() - 1] ^= 0x01; // sec_trailer auth_context_id
        assertClientFailure(() -> client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(),
                response.signatureOffset(), response.signatureLength()), Reason.CHECKSUM_MISMATCH);
    }

    @Test
    void withoutHeaderSigningTheHeaderIsNotCovered() throws Exception {
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        protectedRequestTo(server, client);
        TestPdu response = serverResponse(server, 1);
        response.bytes()[12] ^= 0x01; // call_id: the connection, not the SSP, checks it
        client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(), response.signatureOffset(),
                response.signatureLength());
    }

    @Test
    void aHeaderSigningMismatchFails() throws Exception {
        NetlogonSsp client = bound(client(true));
        client.headerSigningNegotiated(true);
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        TestPdu request = protectedRequest(client, 40, 1);
        assertServerFailure(server, request, Reason.CHECKSUM_MISMATCH);
    }

    @Test
    void aReplayedResponseIsRefused() throws Exception {
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        protectedRequestTo(server, client);
        TestPdu response = serverResponse(server, 1);
        TestPdu replay = response.copy();
        client.unprotect(response.bytes(), response.stubOffset(), response.stubLength(), response.signatureOffset(),
                response.signatureLength());
        protectedRequestTo(server, client);
        assertClientFailure(() -> client.unprotect(replay.bytes(), replay.stubOffset(), replay.stubLength(),
                replay.signatureOffset(), replay.signatureLength()), Reason.SEQUENCE_MISMATCH);
    }

    @Test
    void aReplayedOrReorderedRequestIsRefusedByTheServer() throws Exception {
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        TestPdu first = protectedRequest(client, 30, 1);
        TestPdu second = protectedRequest(client, 30, 2);
        assertServerFailure(server, second.copy(), Reason.SEQUENCE_MISMATCH);
        TestPdu replayOfFirst = first.copy();
        server.unprotect(first.bytes(), first.stubOffset(), first.stubLength(), first.signatureOffset(),
                first.signatureLength());
        assertServerFailure(server, replayOfFirst, Reason.SEQUENCE_MISMATCH);
    }

    @Test
    void aClientsOwnPduReflectedBackIsRefused() throws Exception {
        // same counter value, but the client's direction bit: a reflection, not a server answer
        NetlogonMessageProtection client = new NetlogonMessageProtection(SESSION_KEY, Role.CLIENT, true,
                new SecureRandom());
        NetlogonMessageProtection peer = new NetlogonMessageProtection(SESSION_KEY, Role.CLIENT, true,
                new SecureRandom());
        TestPdu pdu = TestPdu.request(new byte[20], 6, 1);
        pdu.withSignature(peer.protect(pdu.bytes(), pdu.stubOffset(), pdu.stubLength(), pdu.signatureOffset()));
        assertThatThrownBy(() -> client.unprotect(pdu.bytes(), pdu.stubOffset(), pdu.stubLength(),
                pdu.signatureOffset(), pdu.signatureLength()))
                .isInstanceOfSatisfying(NetlogonCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SEQUENCE_MISMATCH));
    }

    @Test
    void anotherSessionKeyFails() throws Exception {
        NetlogonSsp client = bound(client(true));
        byte[] otherKey = SESSION_KEY.clone();
        otherKey[0] ^= 1;
        assertServerFailure(server(otherKey, true, false), protectedRequest(client, 50, 1), Reason.SEQUENCE_MISMATCH);
    }

    @Test
    void aSignedPduWhereSealingIsExpectedFails() throws Exception {
        NetlogonSsp signing = bound(client(false));
        assertServerFailure(server(SESSION_KEY, true, false), protectedRequest(signing, 50, 1),
                Reason.BAD_SIGNATURE_HEADER);
        NetlogonSsp sealing = bound(client(true));
        assertServerFailure(server(SESSION_KEY, false, false), protectedRequest(sealing, 50, 1),
                Reason.BAD_SIGNATURE_HEADER);
    }

    @Test
    void aFailedCheckLeavesTheCounterAlone() throws Exception {
        NetlogonSsp client = bound(client(true));
        NetlogonMessageProtection server = server(SESSION_KEY, true, false);
        TestPdu request = protectedRequest(client, 50, 1);
        TestPdu tampered = request.copy();
        tampered.bytes()[tampered.stubOffset()] ^= 1;
        assertServerFailure(server, tampered, Reason.CHECKSUM_MISMATCH);
        assertThat(server.sequence()).isZero();
    }

    // ---- bad layouts -----------------------------------------------------------------------------

    @Test
    void badOffsetsAndLengthsAreTypedFailures() throws Exception {
        NetlogonSsp client = bound(client(true));
        TestPdu p = TestPdu.request(new byte[40], 6, 1);
        byte[] b = p.bytes();
        int so = p.stubOffset();
        int sl = p.stubLength();
        int go = p.signatureOffset();
        int[][] protectCases = {
            {-1, sl, go}, {so, -1, go}, {so, sl, -1}, {so, sl, b.length - 55}, {so, go, go}, {go + 1, 0, go},
            {Integer.MAX_VALUE, sl, go}, {so, Integer.MAX_VALUE, go}, {so, sl, Integer.MAX_VALUE},
        };
        for (int[] c : protectCases) {
            assertClientFailure(() -> client.protect(b, c[0], c[1], c[2]), Reason.BAD_LENGTH);
        }
        assertClientFailure(() -> client.protect(null, so, sl, go), Reason.BAD_LENGTH);

        int[][] unprotectCases = {
            {so, sl, go, 55}, {so, sl, go, 32}, {so, sl, go, 57}, {so, sl, go + 1, 56}, {-5, sl, go, 56},
            {so, sl + 9, go, 56}, {so, sl, go, Integer.MAX_VALUE}, {so, sl, Integer.MAX_VALUE, 56},
            {so, Integer.MAX_VALUE, go, 56}, {so, sl, go, -1},
        };
        for (int[] c : unprotectCases) {
            assertClientFailure(() -> client.unprotect(b, c[0], c[1], c[2], c[3]), Reason.BAD_LENGTH);
        }
        assertClientFailure(() -> client.unprotect(new byte[10], 0, 0, 0, 10), Reason.BAD_LENGTH);
    }

    @Test
    void protectLeavesThePduAloneWhenTheLayoutIsBad() throws Exception {
        NetlogonSsp client = bound(client(true));
        TestPdu p = TestPdu.request(new byte[40], 6, 1);
        byte[] before = p.bytes().clone();
        assertThatThrownBy(() -> client.protect(p.bytes(), p.stubOffset(), p.stubLength(), p.bytes().length - 10))
                .isInstanceOf(ClientSecurityException.class);
        assertThat(p.bytes()).isEqualTo(before);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static NetlogonSsp client(boolean sealed) {
        return new NetlogonSsp(SESSION_KEY, NlAuthMessage.negotiate("FIXTURE", "NLRPC1"),
                sealed ? NetlogonSsp.AUTH_LEVEL_PRIVACY : NetlogonSsp.AUTH_LEVEL_INTEGRITY, new SecureRandom());
    }

    private static NetlogonSsp bound(NetlogonSsp ssp) throws ClientSecurityException {
        ssp.acceptBindAck(SAMBA_BIND_ACK);
        return ssp;
    }

    private static NetlogonMessageProtection server(byte[] key, boolean sealed, boolean headerSigning) {
        NetlogonMessageProtection server = new NetlogonMessageProtection(key, Role.SERVER, sealed, new SecureRandom());
        server.headerSigning(headerSigning);
        return server;
    }

    private static TestPdu protectedRequest(NetlogonSsp client, int stubLength, int callId) throws Exception {
        byte[] stub = new byte[stubLength];
        new Random(callId).nextBytes(stub);
        TestPdu request = TestPdu.request(stub, client.authLevel(), callId);
        return request.withSignature(client.protect(request.bytes(), request.stubOffset(), request.stubLength(),
                request.signatureOffset()));
    }

    private static void protectedRequestTo(NetlogonMessageProtection server, NetlogonSsp client) throws Exception {
        TestPdu request = protectedRequest(client, 33, 1);
        server.unprotect(request.bytes(), request.stubOffset(), request.stubLength(), request.signatureOffset(),
                request.signatureLength());
    }

    private static TestPdu serverResponse(NetlogonMessageProtection server, int callId) throws Exception {
        byte[] stub = new byte[45];
        new Random(-callId).nextBytes(stub);
        TestPdu response = TestPdu.response(stub, server.sealing() ? 6 : 5, callId);
        return response.withSignature(server.protect(response.bytes(), response.stubOffset(), response.stubLength(),
                response.signatureOffset()));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertClientFailure(Call call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOf(ClientSecurityException.class)
                .cause().isInstanceOfSatisfying(NetlogonCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static void assertServerFailure(NetlogonMessageProtection server, TestPdu pdu, Reason reason) {
        assertThatThrownBy(() -> server.unprotect(pdu.bytes(), pdu.stubOffset(), pdu.stubLength(),
                pdu.signatureOffset(), pdu.signatureLength()))
                .isInstanceOfSatisfying(NetlogonCryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
