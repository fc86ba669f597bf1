package org.bossa.rpc.netlogon.schannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;
import org.bossa.rpc.netlogon.crypto.NetlogonVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NL_AUTH_MESSAGE (MS-NRPC 2.2.1.3.1) against netlogon_vectors.py, and malformed tokens. */
class NlAuthMessageTest {

    @Test
    void negotiateWithNetbiosNamesMatchesTheReference() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("nl-auth-negotiate");
        NlAuthMessage m = NlAuthMessage.negotiate(v.text("domain"), v.text("computer"));
        assertThat(m.flags()).isEqualTo(0x3);
        assertThat(m.encode()).isEqualTo(v.hex("token"));
        assertThat(NlAuthMessage.decode(v.hex("token"))).isEqualTo(m);
    }

    @Test
    void negotiateWithDnsNamesMatchesTheReference() throws Exception {
        NetlogonVectors v = NetlogonVectors.named("nl-auth-negotiate-dns");
        NlAuthMessage m = NlAuthMessage.negotiate(v.text("domain"), v.text("computer"), v.text("dns_domain"),
                v.text("dns_host"));
        assertThat(m.flags()).isEqualTo(0xF);
        assertThat(m.encode()).isEqualTo(v.hex("token"));
        assertThat(NlAuthMessage.decode(v.hex("token"))).isEqualTo(m);
    }

    @Test
    void sambasNegotiateResponseDecodes() throws Exception {
        // Samba's schannel_update server branch: MessageType 1, Flags 0, a 4-byte filler 0x006c0000
        NlAuthMessage m = NlAuthMessage.decode(HexFormat.of().parseHex("01000000000000000000" + "6c00"));
        assertThat(m.messageType()).isEqualTo(NlAuthMessage.NEGOTIATE_RESPONSE);
        assertThat(m.flags()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                     // empty
        "00000000030000",                       // shorter than the header
        "0200000000000000",                     // unknown message type
        "0000000020000000",                     // unknown flag 0x20
        "000000000100000046495854",             // domain name without its terminator
        "0000000004000000076669787475",         // DNS label longer than what remains
        "000000000400000006666978747572",       // DNS name without its final zero
        "0000000004000000c00c",                 // a compression pointer
        "00000000010000000a00",                 // a control character in a NetBIOS name
    })
    void malformedTokensAreTypedFailures(String hex) {
        assertThatThrownBy(() -> NlAuthMessage.decode(HexFormat.of().parseHex(hex)))
                .isInstanceOfSatisfying(NetlogonCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_AUTH_MESSAGE));
    }

    @Test
    void namesThatCannotBeEncodedAreRefusedAtConstruction() {
        assertThatThrownBy(() -> NlAuthMessage.negotiate("FIXTURE", "NLRPC\u00e9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NlAuthMessage.negotiate("", "NLRPC1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NlAuthMessage.negotiate("FIXTURE", "NLRPC1", "fixture..test", "h.fixture.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NlAuthMessage.negotiate("FIXTURE", "NLRPC1", "a".repeat(64) + ".test", "h.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NlAuthMessage(2, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
