package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded random inputs against every request decoder (fixed seed): only WireFormatException may escape, and a
 * message that decodes must encode again.
 */
class DecoderFuzzTest {
    private static final int ROUNDS = 1500;
    private static final long[] EDGES = {0, 1, 7, 8, 15, 16, 0x40, 0x48, 0x70, 0x78, 0x7F, 0x80, 0xFF, 0x7FFF,
        0x8000, 0xFFFE, 0xFFFF, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFF8L, 0xFFFFFFFFL};

    private static void attempt(Samples.Case c, byte[] msg) {
        Object decoded;
        try {
            decoded = c.decoder().apply(new WireReader(msg));
        } catch (WireFormatException expected) {
            return;
        } catch (Throwable t) {
            fail(c.name() + " threw " + t + " for " + Arrays.toString(msg), t);
            return;
        }
        try {
            c.reencode().apply(decoded);
        } catch (Throwable t) {
            fail(c.name() + ": decoded " + decoded + " but could not encode it again", t);
        }
    }

    private static byte[] mutate(Random rnd, byte[] msg) {
        byte[] b = msg.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = 64 + rnd.nextInt(Math.max(1, b.length - 64));
            at = Math.min(at, b.length - 1);
            switch (rnd.nextInt(5)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> {
                    long v = EDGES[rnd.nextInt(EDGES.length)];
                    int size = rnd.nextBoolean() ? 2 : 4;
                    if (at + size <= b.length) {
                        b = Msg.patch(b, at, size, v);
                    }
                }
                case 3 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                default -> b = Msg.extend(b, new byte[rnd.nextInt(40)]);
            }
        }
        return b;
    }

    @Test
    void mutationsOfValidMessages() {
        Random rnd = new Random(0x5EED_B055AL);
        List<Samples.Case> cases = Samples.all();
        for (Samples.Case c : cases) {
            for (int i = 0; i < ROUNDS; i++) {
                attempt(c, mutate(rnd, c.message()));
            }
        }
    }

    @Test
    void fieldWiseEdgeValues() {
        for (Samples.Case c : Samples.all()) {
            byte[] m = c.message();
            for (int at = 66; at < m.length - 1; at += 2) {
                for (long v : EDGES) {
                    attempt(c, Msg.patch(m, at, 2, v));
                    if (at + 4 <= m.length) {
                        attempt(c, Msg.patch(m, at, 4, v));
                    }
                }
            }
        }
    }

    @Test
    void randomBytesWithValidStructureSize() {
        Random rnd = new Random(42);
        for (Samples.Case c : Samples.all()) {
            for (int i = 0; i < ROUNDS; i++) {
                byte[] b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
                if (b.length >= 66 && rnd.nextBoolean()) {
                    b = Msg.patch(b, 64, 2, c.structureSize());
                }
                attempt(c, b);
            }
        }
    }

    @Test
    void randomValidateNegotiateInfo() {
        Random rnd = new Random(7);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            try {
                ValidateNegotiateInfoRequest.decode(b);
            } catch (WireFormatException expected) {
                // fine
            }
        }
    }
}
