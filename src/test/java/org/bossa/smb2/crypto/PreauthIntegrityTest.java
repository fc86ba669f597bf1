package org.bossa.smb2.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreauthIntegrityTest {

    @Test
    void initialIsSixtyFourFreshZeroBytes() {
        byte[] a = PreauthIntegrity.initial();
        assertThat(a).hasSize(64).containsOnly(0);
        a[0] = 1;
        assertThat(PreauthIntegrity.initial()).containsOnly(0);
    }

    /** The published chain of the anatomy blog's 3.1.1 master session, message by message. */
    @Test
    void reproducesPublishedChain() {
        List<TestVectors> chain = TestVectors.load("preauth-integrity.vectors");
        assertThat(chain).hasSize(5);
        byte[] hash = PreauthIntegrity.initial();
        for (TestVectors step : chain) {
            byte[] msg = step.hex("message");
            byte[] before = hash.clone();
            byte[] next = PreauthIntegrity.next(hash, msg, 0, msg.length);
            assertThat(hash).as("previous value untouched").isEqualTo(before);
            assertThat(next).as(step.name()).isEqualTo(step.hex("hash"));
            hash = next;
        }
    }

    /** Chain, then key derivation, then the signature of the final SESSION_SETUP response: end to end. */
    @Test
    void chainDerivesTheKeyThatSignedTheFinalResponse() {
        byte[] hash = PreauthIntegrity.initial();
        for (TestVectors step : TestVectors.load("preauth-integrity.vectors")) {
            byte[] msg = step.hex("message");
            hash = PreauthIntegrity.next(hash, msg, 0, msg.length);
        }
        SessionKeys keys = SessionKeys.derive(0x0311, HexFormat.of().parseHex("270E1BA896585EEB7AF3472D3B4C75A7"),
                hash, CipherId.AES_128_GCM);
        TestVectors signed = TestVectors.load("signing.vectors").stream()
                .filter(v -> v.name().equals("anatomy-3.1.1-session-setup-response")).findFirst().orElseThrow();
        byte[] response = signed.hex("message");
        assertThat(MessageSigner.of(SigningAlgorithm.AES_CMAC, keys.signingKey()).verify(response, 0, response.length))
                .isTrue();
    }

    @Test
    void hashesOnlyTheGivenRange() {
        byte[] msg = TestVectors.load("preauth-integrity.vectors").get(0).hex("message");
        byte[] framed = new byte[msg.length + 10];
        System.arraycopy(msg, 0, framed, 4, msg.length);
        framed[0] = 9;
        framed[framed.length - 1] = 9;
        assertThat(PreauthIntegrity.next(PreauthIntegrity.initial(), framed, 4, msg.length))
                .isEqualTo(PreauthIntegrity.next(PreauthIntegrity.initial(), msg, 0, msg.length));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> PreauthIntegrity.next(new byte[32], new byte[8], 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PreauthIntegrity.next(PreauthIntegrity.initial(), new byte[8], 4, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
