package org.bossa.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.kerberos.gss.Krb5InitiatorContextTest.assertError;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 2743 3.1 framing of context tokens, and AuthenticatorChecksum's 0x8003 encoding. */
class Krb5MechTokenTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shortFormFraming() throws Exception {
        byte[] t = new Krb5MechToken(Krb5MechToken.AP_REP, new byte[] {1, 2, 3}).encode();
        assertThat(HEX.formatHex(t)).isEqualTo("6010" + "06092a864886f712010202" + "0200" + "010203");
        Krb5MechToken back = Krb5MechToken.decode(t);
        assertThat(back.tokenId()).isEqualTo(0x0200);
        assertThat(back.body()).containsExactly(1, 2, 3);
    }

    @Test
    void longFormFraming() throws Exception {
        byte[] body = new byte[300];
        byte[] t = new Krb5MechToken(Krb5MechToken.AP_REQ, body).encode();
        assertThat(HEX.formatHex(t, 0, 4)).isEqualTo("60820139"); // 11 + 2 + 300 = 313
        assertThat(Krb5MechToken.decode(t).body()).hasSize(300);
    }

    @Test
    void malformedFraming() {
        byte[] good = new Krb5MechToken(Krb5MechToken.AP_REP, new byte[] {1, 2, 3}).encode();
        assertError(() -> Krb5MechToken.decode(new byte[0]), GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("6003")), GssError.DEFECTIVE_TOKEN);
        byte[] wrongTag = good.clone();
        wrongTag[0] = 0x30;
        assertError(() -> Krb5MechToken.decode(wrongTag), GssError.DEFECTIVE_TOKEN);
        byte[] longer = good.clone();
        longer[1]++;
        assertError(() -> Krb5MechToken.decode(longer), GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("6080" + "06092a864886f712010202" + "0200")),
                GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("6085ffffffffff")), GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("6082ff")), GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("600b06092a864886f712010202")), GssError.DEFECTIVE_TOKEN);
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("600406097f00")), GssError.DEFECTIVE_TOKEN);
        // SPNEGO's OID 1.3.6.1.5.5.2 in place of Kerberos V5's
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("600a06062b0601050502" + "0200")), GssError.BAD_MECH);
        // the Microsoft Kerberos OID 1.2.840.48018.1.2.2 is not accepted in the inner framing either
        assertError(() -> Krb5MechToken.decode(HEX.parseHex("600d06092a864882f712010202" + "0200")), GssError.BAD_MECH);
    }

    @Test
    void checksum0x8003IsWrittenWithItsOwnTypeNumber() throws Exception {
        AuthenticatorChecksum sum = AuthenticatorChecksum.of(null,
                java.util.EnumSet.of(ContextFlag.MUTUAL, ContextFlag.INTEGRITY));
        byte[] der = sum.toKerby().encode();
        // SEQUENCE { [0] INTEGER 0x8003, [1] OCTET STRING (24 bytes) }
        assertThat(HEX.formatHex(der)).startsWith("3023a005020300" + "8003" + "a11a0418" + "10000000");
        assertThat(HEX.formatHex(der)).endsWith("22000000");
        assertThat(AuthenticatorChecksum.typeOf(sum.toKerby())).isEqualTo(0x8003);
    }

    @Test
    void checksumDecodeValidatesLengths() throws Exception {
        assertError(() -> AuthenticatorChecksum.decode(new byte[23]), GssError.DEFECTIVE_TOKEN);
        byte[] badLgth = new byte[24];
        badLgth[0] = 15;
        assertError(() -> AuthenticatorChecksum.decode(badLgth), GssError.DEFECTIVE_TOKEN);
        byte[] withExtensions = new byte[40];
        withExtensions[0] = 16;
        withExtensions[20] = 0x3a;
        assertThat(AuthenticatorChecksum.decode(withExtensions).flags()).containsExactlyInAnyOrder(
                ContextFlag.MUTUAL, ContextFlag.SEQUENCE, ContextFlag.CONFIDENTIALITY, ContextFlag.INTEGRITY);
    }

    @Test
    void channelBindingHashOfApplicationDataOnly() {
        // RFC 4121 4.1.1.2: MD5 over initiator type, length, acceptor type, length (all zero) and the
        // application data preceded by its length, each integer four bytes little-endian
        assertThat(HEX.formatHex(ChannelBindings.ofApplicationData(new byte[0]).md5()))
                .isEqualTo("441018525208457705bf09a8ee3c1093"); // MD5 of 20 zero bytes
        assertThat(HEX.formatHex(ChannelBindings.ofApplicationData(
                "tls-server-end-point:abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).md5()))
                .isEqualTo("feb0fffbc725957540b287e8c838dfd9");
    }
}
