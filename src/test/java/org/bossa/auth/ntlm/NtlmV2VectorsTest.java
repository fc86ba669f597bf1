package org.bossa.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MS-NLMP 4.2.4 (NTLMv2) vectors, read from ms-nlmp-4.2.4.properties and checked in both directions. */
class NtlmV2VectorsTest {
    static Properties v;

    @BeforeAll
    static void load() throws Exception {
        v = new Properties();
        try (InputStream in = NtlmV2VectorsTest.class.getResourceAsStream("ms-nlmp-4.2.4.properties")) {
            v.load(in);
        }
    }

    static byte[] hex(String key) {
        String s = v.getProperty(key);
        assertThat(s).as(key).isNotNull();
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    static String str(String key) {
        return v.getProperty(key);
    }

    static int le32(byte[] b) {
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    /** temp of MS-NLMP 3.3.2: 0x01 0x01, Z(6), Time, ClientChallenge, Z(4), ServerName (target info), Z(4). */
    static byte[] temp() {
        byte[] info = hex("targetInfo");
        byte[] t = new byte[28 + info.length + 4];
        t[0] = 1;
        t[1] = 1;
        System.arraycopy(hex("time"), 0, t, 8, 8);
        System.arraycopy(hex("clientChallenge"), 0, t, 16, 8);
        System.arraycopy(info, 0, t, 28, info.length);
        return t;
    }

    @Test
    void ntHash() {
        assertThat(NtHash.of(str("password"))).isEqualTo(hex("ntowfv1"));
    }

    @Test
    void ntowfv2() {
        assertThat(NtlmCrypto.ntowfv2(NtHash.of(str("password")), str("user"), str("domain")))
                .isEqualTo(hex("ntowfv2"));
    }

    @Test
    void ntProofStrAndSessionBaseKey() {
        byte[] proof = NtlmCrypto.ntProofStr(hex("ntowfv2"), hex("serverChallenge"), temp());
        assertThat(proof).isEqualTo(hex("ntProofStr"));
        assertThat(NtlmCrypto.sessionBaseKey(hex("ntowfv2"), proof)).isEqualTo(hex("sessionBaseKey"));
    }

    @Test
    void keyExchangeBothWays() {
        // NTLMv2: KeyExchangeKey = SessionBaseKey; EncryptedRandomSessionKey = RC4K(KXKEY, RandomSessionKey).
        assertThat(NtlmCrypto.rc4(hex("sessionBaseKey"), hex("randomSessionKey"))).isEqualTo(hex("encryptedSessionKey"));
        assertThat(NtlmCrypto.rc4(hex("sessionBaseKey"), hex("encryptedSessionKey"))).isEqualTo(hex("randomSessionKey"));
    }

    @Test
    void challengeMessageDecodesAndEncodesBack() throws Exception {
        byte[] raw = hex("challengeMessage");
        NtlmChallengeMessage m = NtlmChallengeMessage.decode(raw);
        assertThat(m.flags()).isEqualTo(le32(hex("challengeFlags")));
        assertThat(m.targetName()).isEqualTo(str("server"));
        assertThat(m.serverChallenge()).isEqualTo(hex("serverChallenge"));
        assertThat(m.targetInfo().encode()).isEqualTo(hex("targetInfo"));
        assertThat(m.targetInfo().find(AvPair.MSV_AV_NB_DOMAIN_NAME).orElseThrow().stringValue()).isEqualTo("Domain");
        assertThat(m.encode()).isEqualTo(raw);
    }

    @Test
    void authenticateMessageDecodesAndEncodesBack() throws Exception {
        byte[] raw = hex("authenticateMessage");
        NtlmAuthenticateMessage m = NtlmAuthenticateMessage.decode(raw);
        assertThat(m.userName()).isEqualTo(str("user"));
        assertThat(m.domainName()).isEqualTo(str("domain"));
        assertThat(m.workstation()).isEqualTo(str("workstation"));
        assertThat(m.lmChallengeResponse()).isEqualTo(hex("lmv2Response"));
        assertThat(m.encryptedRandomSessionKey()).isEqualTo(hex("encryptedSessionKey"));
        assertThat(m.mic()).as("4.2.4 has no MIC: the payload starts at 72").isNull();
        assertThat(m.version()).isNotNull();
        assertThat(Arrays.copyOf(m.ntChallengeResponse(), 16)).isEqualTo(hex("ntProofStr"));
        NtlmV2Response r = NtlmV2Response.decode(m.ntChallengeResponse());
        assertThat(r.clientChallengeBlob()).isEqualTo(temp());
        assertThat(r.challengeFromClient()).isEqualTo(hex("clientChallenge"));
        assertThat(r.avPairs().encode()).isEqualTo(hex("targetInfo"));
        assertThat(m.encode()).isEqualTo(raw);
    }

    @Test
    void localVerifierAcceptsTheSpecAuthenticateMessage() throws Exception {
        NtlmAuthenticateMessage m = NtlmAuthenticateMessage.decode(hex("authenticateMessage"));
        NtlmServerConfig cfg = new NtlmServerConfig("Domain", "Server", "", "", false);
        NtlmAccounts accounts = (d, u) -> u.equalsIgnoreCase("user") ? Optional.of(NtHash.of("Password"))
                : Optional.empty();
        NtlmVerification ok = new LocalNtlmVerifier(accounts, cfg)
                .verify(m, hex("serverChallenge"), m.ntChallengeResponse());
        assertThat(ok.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(ok.sessionBaseKey()).isEqualTo(hex("sessionBaseKey"));
        assertThat(ok.user().account()).isEqualTo("User");

        NtlmAccounts wrong = (d, u) -> Optional.of(NtHash.of("password"));
        assertThat(new LocalNtlmVerifier(wrong, cfg).verify(m, hex("serverChallenge"), m.ntChallengeResponse())
                .status()).isEqualTo(NtStatus.LOGON_FAILURE);
        byte[] otherChallenge = hex("serverChallenge");
        otherChallenge[0] ^= 1;
        assertThat(new LocalNtlmVerifier(accounts, cfg).verify(m, otherChallenge, m.ntChallengeResponse())
                .status()).isEqualTo(NtStatus.LOGON_FAILURE);
    }

    @Test
    void sessionSecurityKeysAndWrapEx() {
        int flags = le32(hex("wrapFlags"));
        NtlmSessionKeys keys = NtlmSessionKeys.derive(hex("randomSessionKey"), flags);
        assertThat(keys.clientSealKey()).isEqualTo(hex("clientSealKey"));
        assertThat(keys.clientSignKey()).isEqualTo(hex("clientSignKey"));

        NtlmSessionSecurity.Sealed sealed = NtlmSessionSecurity.forClient(keys).seal(hex("plaintext"));
        assertThat(sealed.data()).isEqualTo(hex("ciphertext"));
        assertThat(sealed.signature()).isEqualTo(hex("signature"));

        // And back: the server side unseals with the client-to-server keys.
        byte[] plain = NtlmSessionSecurity.forServer(keys).unseal(hex("ciphertext"), hex("signature"));
        assertThat(plain).isEqualTo(hex("plaintext"));
    }
}
