package org.bossa.auth.spnego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void oidEncodingsBothWays() throws Exception {
        assertThat(Oid.NTLMSSP.contentBytes()).isEqualTo(hex("2b 06 01 04 01 82 37 02 02 0a"));
        assertThat(Oid.SPNEGO.contentBytes()).isEqualTo(hex("2b 06 01 05 05 02"));
        assertThat(Oid.MS_KRB5.contentBytes()).isEqualTo(hex("2a 86 48 82 f7 12 01 02 02"));
        assertThat(Oid.KRB5.contentBytes()).isEqualTo(hex("2a 86 48 86 f7 12 01 02 02"));
        for (Oid o : List.of(Oid.NTLMSSP, Oid.SPNEGO, Oid.MS_KRB5, Oid.KRB5, Oid.NEGOEX, new Oid("2.999.3"))) {
            assertThat(Oid.fromContent(o.contentBytes())).isEqualTo(o);
        }
    }

    @Test
    void oidRejectsPaddingAndTruncation() {
        assertThatThrownBy(() -> Oid.fromContent(hex("2b 80 06"))).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> Oid.fromContent(hex("2b 86"))).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> Oid.fromContent(new byte[0])).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> Oid.fromContent(hex("2b ff ff ff ff ff ff ff ff ff ff 01")))
                .isInstanceOf(DerException.class);
    }

    @Test
    void lengthsMustBeDefiniteMinimalAndInside() {
        assertThatThrownBy(() -> new DerReader(hex("04 80 00 00")).next()).hasMessageContaining("indefinite");
        assertThatThrownBy(() -> new DerReader(hex("04 81 05 0102030405")).next()).hasMessageContaining("non-minimal");
        assertThatThrownBy(() -> new DerReader(hex("04 82 00 85")).next()).hasMessageContaining("non-minimal");
        assertThatThrownBy(() -> new DerReader(hex("04 05 0102")).next()).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new DerReader(hex("04 85 0000000001")).next()).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> new DerReader(hex("04 84 7fffffff")).next()).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new DerReader(hex("04")).next()).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> new DerReader(hex("1f 01 00")).next()).isInstanceOf(DerException.class);
        assertThatThrownBy(() -> new DerReader(new byte[DerReader.MAX_INPUT + 1])).hasMessageContaining("exceeds");
    }

    @Test
    void longFormLengthsRoundTrip() throws Exception {
        for (int len : new int[] {0, 1, 127, 128, 255, 256, 65000}) {
            byte[] enc = DerWriter.octetString(new byte[len]);
            DerReader r = new DerReader(enc);
            assertThat(r.octetString()).hasSize(len);
            r.expectEnd();
        }
    }

    @Test
    void negTokenRespRoundTripAndStrictness() throws Exception {
        NegTokenResp resp = new NegTokenResp(NegState.ACCEPT_INCOMPLETE, Oid.NTLMSSP, new byte[] {1, 2}, null);
        byte[] enc = resp.encode();
        // a1 { 30 { a0 { 0a 01 01 } a1 { 06 0a <NTLMSSP> } a2 { 04 02 0102 } } }
        assertThat(enc).isEqualTo(hex("a1 1b 30 19 a0 03 0a 01 01 a1 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a"
                + " a2 04 04 02 01 02"));
        NegTokenResp back = NegTokenResp.decode(enc);
        assertThat(back.negState()).isEqualTo(NegState.ACCEPT_INCOMPLETE);
        assertThat(back.supportedMech()).isEqualTo(Oid.NTLMSSP);
        assertThat(back.responseToken()).containsExactly(1, 2);
        // Fields out of order, unknown negState, trailing bytes: refused.
        assertThatThrownBy(() -> NegTokenResp.decode(hex("a1 0c 30 0a a2 03 04 01 00 a0 03 0a 01 01")))
                .isInstanceOf(DerException.class);
        assertThatThrownBy(() -> NegTokenResp.decode(hex("a1 07 30 05 a0 03 0a 01 09")))
                .isInstanceOf(DerException.class);
        byte[] trailing = java.util.Arrays.copyOf(enc, enc.length + 1);
        assertThatThrownBy(() -> NegTokenResp.decode(trailing)).isInstanceOf(DerException.class);
    }

    @Test
    void negTokenInitKeepsTheMechTypesBytesForTheMic() throws Exception {
        NegTokenInit init = new NegTokenInit(List.of(Oid.MS_KRB5, Oid.NTLMSSP), new byte[] {9});
        NegTokenInit back = NegTokenInit.decodeInitialToken(init.encodeInitialToken());
        assertThat(back.mechTypes()).containsExactly(Oid.MS_KRB5, Oid.NTLMSSP);
        assertThat(back.mechTypesDer()).isEqualTo(hex("30 17 06 09 2a 86 48 82 f7 12 01 02 02"
                + " 06 0a 2b 06 01 04 01 82 37 02 02 0a"));
        assertThat(back.mechToken()).containsExactly(9);
    }

    @Test
    void negTokenInit2MatchesWhatWindowsAndSambaSend() throws Exception {
        byte[] enc = new NegTokenInit2(List.of(Oid.NTLMSSP), NegTokenInit2.IGNORE_HINT).encodeInitialToken();
        String expected = "60 48 06 06 2b 06 01 05 05 02 a0 3e 30 3c a0 0e 30 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a"
                + " a3 2a 30 28 a0 26 1b 24" + HexFormat.of().formatHex(NegTokenInit2.IGNORE_HINT.getBytes());
        assertThat(HexFormat.of().formatHex(enc)).isEqualTo(expected.replace(" ", ""));
    }
}
