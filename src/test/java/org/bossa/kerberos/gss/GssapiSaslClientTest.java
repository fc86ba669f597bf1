package org.bossa.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.sasl.Sasl;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC 4752 exchange against {@link TestKrb5Acceptor} playing the server's part. */
class GssapiSaslClientTest {
    private TestKrb5Acceptor server;
    private InitiatorTicket ticket;
    private long serverSeq;
    private long clientSeq;

    @BeforeEach
    void setUp() throws Exception {
        server = new TestKrb5Acceptor(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        ticket = server.issueTicket();
    }

    /** Runs the exchange up to the server's offer; returns the client's wrapped answer. */
    private byte[] negotiate(GssapiSaslClient client, int offeredLayers, int serverMax) throws Exception {
        assertThat(client.hasInitialResponse()).isTrue();
        byte[] apReq = client.evaluateChallenge(new byte[0]);
        byte[] apRep = server.accept(apReq);
        serverSeq = server.acceptorSeq;
        clientSeq = server.initiatorSeq;
        assertThat(client.evaluateChallenge(apRep)).isEmpty();
        assertThat(client.isComplete()).isFalse();
        byte[] offer = {(byte) offeredLayers, (byte) (serverMax >>> 16), (byte) (serverMax >>> 8), (byte) serverMax};
        return client.evaluateChallenge(server.wrap(offer, false, 12, serverSeq++));
    }

    @Test
    void choosesConfidentialityWhenOfferedAndProtectsMessages() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity()
                .withAuthorizationId("u:EXAMPLE\\alice").withMaxReceiveSize(0x10000));
        byte[] answer = negotiate(client, 0x07, 0xffffff);
        // RFC 4752 3.1: the answer is wrapped without confidentiality
        assertThat(answer[2] & 0x02).isZero();
        byte[] plain = server.unwrapFromInitiator(answer, clientSeq++);
        assertThat(plain[0]).isEqualTo((byte) 0x04);
        assertThat(Arrays.copyOfRange(plain, 1, 4)).containsExactly(0x01, 0x00, 0x00);
        assertThat(new String(plain, 4, plain.length - 4, StandardCharsets.UTF_8)).isEqualTo("u:EXAMPLE\\alice");
        assertThat(server.checksumValue[20]).as("GSS flags asked for").isEqualTo((byte) 0x3a);

        assertThat(client.isComplete()).isTrue();
        assertThat(client.getNegotiatedProperty(Sasl.QOP)).isEqualTo("auth-conf");
        assertThat(client.getNegotiatedProperty(Sasl.MAX_BUFFER)).isEqualTo("65536");
        assertThat(client.getNegotiatedProperty(Sasl.RAW_SEND_SIZE)).isEqualTo(String.valueOf(0xffffff - 60));

        byte[] ldap = "an LDAP message".getBytes(StandardCharsets.US_ASCII);
        byte[] wrapped = client.wrap(ldap, 0, ldap.length);
        assertThat(wrapped[2] & 0x02).as("sealed").isNotZero();
        assertThat(server.unwrapFromInitiator(wrapped, clientSeq++)).isEqualTo(ldap);
        byte[] reply = server.wrap(ldap, true, 28, serverSeq++);
        assertThat(client.unwrap(reply, 0, reply.length)).isEqualTo(ldap);

        // a signed-only message on a sealed connection is refused
        byte[] unsealed = server.wrap(ldap, false, 0, serverSeq++);
        assertSasl(() -> client.unwrap(unsealed, 0, unsealed.length), GssapiSaslException.Reason.NOT_SEALED);
        // and so is one larger than we announced
        byte[] big = server.wrap(new byte[0x10000], true, 0, serverSeq++);
        assertSasl(() -> client.unwrap(big, 0, big.length), GssapiSaslException.Reason.MESSAGE_TOO_LARGE);
    }

    @Test
    void takesIntegrityWhenThatIsTheBestOffered() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity());
        byte[] plain = server.unwrapFromInitiator(negotiate(client, 0x03, 4096), clientSeq++);
        assertThat(plain).containsExactly(0x02, 0xff, 0xff, 0xff);
        assertThat(client.getNegotiatedProperty(Sasl.QOP)).isEqualTo("auth-int");
        byte[] msg = new byte[100];
        byte[] wrapped = client.wrap(msg, 0, msg.length);
        assertThat(wrapped[2] & 0x02).as("not sealed").isZero();
        assertThat(server.unwrapFromInitiator(wrapped, clientSeq++)).isEqualTo(msg);
        // the server takes at most 4096 wrapped bytes
        assertSasl(() -> client.wrap(new byte[4096], 0, 4096), GssapiSaslException.Reason.MESSAGE_TOO_LARGE);
    }

    @Test
    void refusesWhenNothingStrongEnoughIsOffered() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.sealed());
        assertSasl(() -> negotiate(client, 0x03, 0xffff), GssapiSaslException.Reason.NO_ACCEPTABLE_LAYER);
        assertThat(client.isComplete()).isFalse();
        GssapiSaslClient noneOnly = GssapiSaslClient.create(server.issueTicket(), SaslGssapiOptions.atLeastIntegrity());
        assertSasl(() -> negotiate(noneOnly, 0x01, 0), GssapiSaslException.Reason.NO_ACCEPTABLE_LAYER);
    }

    @Test
    void insideTlsChoosesNoLayerAndAsksOnlyForMutualAuthentication() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.insideTls(null));
        byte[] plain = server.unwrapFromInitiator(negotiate(client, 0x07, 0xffffff), clientSeq++);
        assertThat(plain).containsExactly(0x01, 0x00, 0x00, 0x00); // no layer: max size 0
        assertThat(server.checksumValue[20]).isEqualTo((byte) 0x02);
        assertThat(client.getNegotiatedProperty(Sasl.QOP)).isEqualTo("auth");
        assertThatThrownBy(() -> client.wrap(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedOffers() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity());
        client.evaluateChallenge(server.accept(client.evaluateChallenge(new byte[0])));
        assertSasl(() -> client.evaluateChallenge(server.wrap(new byte[5], false, 0, server.acceptorSeq)),
                GssapiSaslException.Reason.BAD_LAYER_OFFER);

        GssapiSaslClient again = GssapiSaslClient.create(server.issueTicket(), SaslGssapiOptions.atLeastIntegrity());
        byte[] apReq = again.evaluateChallenge(new byte[0]);
        again.evaluateChallenge(server.accept(apReq));
        byte[] garbage = {5, 4, 0, 0};
        GssapiSaslException e = assertSasl(() -> again.evaluateChallenge(garbage), GssapiSaslException.Reason.GSS_FAILURE);
        assertThat(e.gssCause().error()).isEqualTo(GssError.DEFECTIVE_TOKEN);
        assertThat(again.isComplete()).isFalse();
        assertThatThrownBy(() -> again.getNegotiatedProperty(Sasl.QOP)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void outOfOrderCalls() throws Exception {
        GssapiSaslClient client = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity());
        assertSasl(() -> client.evaluateChallenge(new byte[] {1}), GssapiSaslException.Reason.UNEXPECTED_CHALLENGE);
        GssapiSaslClient second = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity());
        second.evaluateChallenge(null);
        assertSasl(() -> second.evaluateChallenge(new byte[0]), GssapiSaslException.Reason.UNEXPECTED_CHALLENGE);
        GssapiSaslClient kerberosError = GssapiSaslClient.create(ticket, SaslGssapiOptions.atLeastIntegrity());
        kerberosError.evaluateChallenge(null);
        GssapiSaslException e = assertSasl(() -> kerberosError.evaluateChallenge(TestKrb5Acceptor.krbErrorToken(
                org.apache.kerby.kerberos.kerb.KrbErrorCode.KRB_AP_ERR_MODIFIED, null)),
                GssapiSaslException.Reason.GSS_FAILURE);
        assertThat(e.gssCause().krbErrorCode()).contains(org.apache.kerby.kerberos.kerb.KrbErrorCode.KRB_AP_ERR_MODIFIED);
    }

    interface Call {
        Object run() throws Exception;
    }

    private static GssapiSaslException assertSasl(Call call, GssapiSaslException.Reason reason) {
        try {
            call.run();
        } catch (GssapiSaslException e) {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected " + reason + ", got " + e, e);
        }
        throw new AssertionError("expected " + reason + ", nothing was thrown");
    }
}
