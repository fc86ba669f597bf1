package org.bossa.rpc.netlogon.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The ZeroLogon rule for client challenges (MS-NRPC 3.5.4.4.1, CVE-2020-1472). */
class ClientChallengeTest {

    @Test
    void aDrawWithFiveEqualLeadingBytesIsDrawnAgain() {
        byte[] weak = HexFormat.of().parseHex("4141414141ff0102");
        byte[] zero = new byte[8];
        byte[] good = HexFormat.of().parseHex("4141414142ff0102");
        FixedRandom random = new FixedRandom(weak, zero, good);
        assertThat(ClientChallenge.generate(random)).isEqualTo(good);
        assertThat(random.consumed()).isEqualTo(24);
    }

    @Test
    void acceptableLooksAtTheFirstFiveBytesOnly() {
        assertThat(ClientChallenge.acceptable(HexFormat.of().parseHex("0000000000000000"))).isFalse();
        assertThat(ClientChallenge.acceptable(HexFormat.of().parseHex("7777777777123456"))).isFalse();
        assertThat(ClientChallenge.acceptable(HexFormat.of().parseHex("7777777778777777"))).isTrue();
        assertThat(ClientChallenge.acceptable(HexFormat.of().parseHex("0100000000000000"))).isTrue();
        assertThat(ClientChallenge.acceptable(new byte[7])).isFalse();
    }

    @Test
    void generatedChallengesAreAcceptableAndDistinct() {
        SecureRandom random = new SecureRandom();
        byte[] first = ClientChallenge.generate(random);
        for (int i = 0; i < 1000; i++) {
            byte[] c = ClientChallenge.generate(random);
            assertThat(c).hasSize(8);
            assertThat(ClientChallenge.acceptable(c)).isTrue();
        }
        assertThat(ClientChallenge.generate(random)).isNotEqualTo(first);
    }
}
