package org.bossa.kerberos.kpasswd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.EncKrbPrivPart;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.KrbPriv;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.bossa.kerberos.KdcAddress;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KerberosFailure;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.ServiceTicket;
import org.bossa.kerberos.TestTickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plays the kpasswd server's part with the session key, to check both directions of the exchange. */
class KpasswdRequestTest {
    private static final KdcAddress SERVER = new KdcAddress("127.0.0.2", 464);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:10.123456Z");
    private final EncryptionKey sessionKey = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]);
    private final EncryptionKey subkey = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, filled(32, 7));
    private ServiceTicket ticket;
    private KpasswdRequest request;
    private KpasswdMessage sent;

    @BeforeEach
    void send() throws Exception {
        ticket = TestTickets.serviceTicket("administrator", "kadmin/changepw", sessionKey);
        request = new KpasswdRequest(ticket, new ChangePasswdData("New-Pw-1".getBytes(StandardCharsets.UTF_8),
                KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null)), subkey, 4242);
        sent = KpasswdMessage.decode(request.encode(NOW, InetAddress.getByName("127.0.0.4")));
    }

    @Test
    void requestCarriesSubkeyAndSealedChangePasswdData() throws Exception {
        assertThat(sent.version()).isEqualTo(0xFF80);
        ApReq apReq = KrbCodec.decode(sent.apMessage(), ApReq.class);
        Authenticator auth = KrbCodec.decode(EncryptionHandler.decrypt(apReq.getEncryptedAuthenticator(), sessionKey,
                KeyUsage.AP_REQ_AUTH), Authenticator.class);
        assertThat(auth.getSubKey()).isEqualTo(subkey);
        assertThat(auth.getSeqNumber()).isEqualTo(4242);
        assertThat(auth.getCname().getNameStrings()).containsExactly("administrator");

        KrbPriv priv = KrbCodec.decode(sent.privOrError(), KrbPriv.class);
        EncKrbPrivPart part = KrbCodec.decode(EncryptionHandler.decrypt(priv.getEncryptedEncPart(), subkey,
                KeyUsage.KRB_PRIV_ENCPART), EncKrbPrivPart.class);
        assertThat(part.getSeqNumber()).isEqualTo(4242);
        assertThat(part.getSAddress().getAddress()).containsExactly(127, 0, 0, 4);
        ChangePasswdData data = ChangePasswdData.decode(part.getUserData());
        assertThat(new String(data.newPassword(), StandardCharsets.UTF_8)).isEqualTo("New-Pw-1");
        assertThat(data.target()).hasToString("KRBTEST1$@EXAMPLE.TEST");
    }

    @Test
    void successReplyIsAccepted() throws Exception {
        assertThat(request.readReply(reply(0, "", true, null), SERVER, NOW).code()).isEqualTo(KpasswdResultCode.SUCCESS);
    }

    @Test
    void serverSubkeySealsTheReplyWhenItSendsOne() throws Exception {
        EncryptionKey serverKey = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, filled(32, 9));
        KpasswdResult r = request.readReply(reply(4, "too short", true, serverKey), SERVER, NOW);
        assertThat(r.code()).isEqualTo(KpasswdResultCode.SOFT_ERROR);
        assertThat(r.text()).isEqualTo("too short");
    }

    @Test
    void anApRepThatDoesNotEchoOurTimeIsRefused() {
        assertThatThrownBy(() -> request.readReply(reply(0, "", false, null), SERVER, NOW))
                .isInstanceOfSatisfying(KerberosException.class,
                        e -> assertThat(e.failure()).isEqualTo(KerberosFailure.PROTOCOL_ERROR))
                .hasMessageContaining("echo");
    }

    @Test
    void errorReplyCarriesTheResultInEData() throws Exception {
        byte[] eData = new KpasswdResult(KpasswdResultCode.ACCESS_DENIED, 5, "Not permitted").encode();
        byte[] krbError = org.bossa.kerberos.Der.tlv(0x7E, org.bossa.kerberos.Der.tlv(0x30,
                org.bossa.kerberos.Der.tlv(0xA4, org.bossa.kerberos.Der.tlv(0x18, "20260101000010Z".getBytes())),
                org.bossa.kerberos.Der.tlv(0xA6, org.bossa.kerberos.Der.integer(60)),
                org.bossa.kerberos.Der.tlv(0xAC, org.bossa.kerberos.Der.octetString(eData))));
        byte[] reply = new KpasswdMessage(1, new byte[0], krbError).encode();
        KpasswdResult r = request.readReply(reply, SERVER, NOW);
        assertThat(r.code()).isEqualTo(KpasswdResultCode.ACCESS_DENIED);
        assertThat(r.text()).isEqualTo("Not permitted");
    }

    private byte[] reply(int code, String text, boolean echoTime, EncryptionKey serverSubkey) throws Exception {
        ApReq apReq = KrbCodec.decode(sent.apMessage(), ApReq.class);
        Authenticator auth = KrbCodec.decode(EncryptionHandler.decrypt(apReq.getEncryptedAuthenticator(), sessionKey,
                KeyUsage.AP_REQ_AUTH), Authenticator.class);
        EncAPRepPart encRep = new EncAPRepPart();
        encRep.setCtime(echoTime ? auth.getCtime() : new KerberosTime(auth.getCtime().getTime() + 1000));
        encRep.setCusec(auth.getCusec());
        if (serverSubkey != null) {
            encRep.setSubkey(serverSubkey);
        }
        encRep.setSeqNumber(77);
        ApRep apRep = new ApRep();
        apRep.setEncryptedEncPart(EncryptionHandler.encrypt(KrbCodec.encode(encRep), sessionKey, KeyUsage.AP_REP_ENCPART));
        EncKrbPrivPart part = new EncKrbPrivPart();
        part.setUserData(new KpasswdResult(KpasswdResultCode.of(code), code, text).encode());
        part.setSeqNumber(77);
        part.setSAddress(new org.apache.kerby.kerberos.kerb.type.base.HostAddress(InetAddress.getByName("127.0.0.2")));
        KrbPriv priv = new KrbPriv();
        priv.setEncryptedEncPart(EncryptionHandler.encrypt(KrbCodec.encode(part),
                serverSubkey != null ? serverSubkey : subkey, KeyUsage.KRB_PRIV_ENCPART));
        return new KpasswdMessage(1, KrbCodec.encode(apRep), KrbCodec.encode(priv)).encode();
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }
}
