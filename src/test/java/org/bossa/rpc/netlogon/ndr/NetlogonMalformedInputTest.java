package org.bossa.rpc.netlogon.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.bossa.dcerpc.NdrException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response decoder, fed truncations of a Samba vector at every length and vectors with random
 * bytes changed, either decodes or throws {@link NdrException}: never another exception.
 */
class NetlogonMalformedInputTest {
    private static final Map<String, Consumer<byte[]>> DECODERS = Map.ofEntries(
            Map.entry("reqChallenge.out", ServerReqChallenge::decodeResponse),
            Map.entry("authenticate3.out", ServerAuthenticate3::decodeResponse),
            Map.entry("capabilities1.out", b -> LogonGetCapabilities.decodeResponse(b, 1)),
            Map.entry("capabilities2.out", b -> LogonGetCapabilities.decodeResponse(b, 2)),
            Map.entry("passwordSet2.out", ServerPasswordSet2::decodeResponse),
            Map.entry("control2Ex.out", LogonControl2Ex::decodeResponse),
            Map.entry("samLogonEx.sam6.out", b -> LogonSamLogonEx.decodeResponse(b, 6)),
            Map.entry("samLogonEx.sam3.out", b -> LogonSamLogonEx.decodeResponse(b, 3)),
            Map.entry("samLogonEx.sam2.out", b -> LogonSamLogonEx.decodeResponse(b, 2)),
            Map.entry("samLogonEx.failure.out", b -> LogonSamLogonEx.decodeResponse(b, 6)),
            Map.entry("dc.samLogonEx.sam6.out", b -> LogonSamLogonEx.decodeResponse(b, 6)),
            Map.entry("dc.samLogonEx.sam3.out", b -> LogonSamLogonEx.decodeResponse(b, 3)),
            Map.entry("dc.capabilities1.out", b -> LogonGetCapabilities.decodeResponse(b, 1)),
            Map.entry("dc.control.query.out", LogonControl::decodeResponse));

    @ParameterizedTest
    @ValueSource(strings = {"reqChallenge.out", "authenticate3.out", "capabilities1.out", "capabilities2.out",
            "passwordSet2.out", "control2Ex.out", "samLogonEx.sam6.out", "samLogonEx.sam3.out",
            "samLogonEx.sam2.out", "samLogonEx.failure.out", "dc.samLogonEx.sam6.out", "dc.samLogonEx.sam3.out",
            "dc.capabilities1.out", "dc.control.query.out"})
    void everyTruncationIsATypedError(String vector) {
        byte[] full = NetlogonVectors.get(vector);
        Consumer<byte[]> decoder = DECODERS.get(vector);
        decoder.accept(full);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> decoder.accept(cut)).as("%s cut to %d bytes", vector, n)
                    .isInstanceOf(NdrException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"control2Ex.out", "capabilities1.out", "samLogonEx.sam6.out", "samLogonEx.sam3.out",
            "samLogonEx.sam2.out", "samLogonEx.failure.out", "dc.samLogonEx.sam6.out"})
    void randomByteChangesDecodeOrFailTyped(String vector) {
        byte[] full = NetlogonVectors.get(vector);
        Consumer<byte[]> decoder = DECODERS.get(vector);
        Random random = new Random(vector.hashCode()); // fixed seed: a failure is reproducible
        int decoded = 0;
        int rejected = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] b = full.clone();
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(b.length);
                b[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            try {
                decoder.accept(b);
                decoded++;
            } catch (NdrException expected) {
                rejected++;
            } catch (RuntimeException e) {
                fail(vector + " round " + round + ": " + e, e);
            }
        }
        assertThat(decoded).isPositive();
        assertThat(rejected).isPositive();
    }

    /** Counts, lengths and referent ids replaced by edge values, at every 4-byte and 2-byte offset. */
    @ParameterizedTest
    @ValueSource(strings = {"control2Ex.out", "capabilities2.out", "samLogonEx.sam6.out", "samLogonEx.sam3.out",
            "samLogonEx.sam2.out", "dc.samLogonEx.sam6.out"})
    void edgeValuesAtEveryOffsetDecodeOrFailTyped(String vector) {
        byte[] full = NetlogonVectors.get(vector);
        Consumer<byte[]> decoder = DECODERS.get(vector);
        int[] values = {0, 1, 2, 3, 6, 15, 16, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF};
        for (int at = 0; at + 2 <= full.length; at += 2) {
            for (int v : values) {
                for (int width : new int[] {2, 4}) {
                    if (at + width > full.length) {
                        continue;
                    }
                    byte[] b = full.clone();
                    for (int i = 0; i < width; i++) {
                        b[at + i] = (byte) (v >>> (8 * i));
                    }
                    try {
                        decoder.accept(b);
                    } catch (NdrException expected) {
                        // typed
                    } catch (RuntimeException e) {
                        fail(vector + " with " + Integer.toHexString(v) + " at " + at + ": " + e, e);
                    }
                }
            }
        }
    }
}
