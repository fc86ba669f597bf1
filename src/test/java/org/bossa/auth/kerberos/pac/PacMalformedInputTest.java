package org.bossa.auth.kerberos.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, {@link Pac#decode} and {@link PacValidator#validate} answer with a PAC or a
 * {@link PacException}, never an unchecked exception: every prefix of valid PACs, every single-byte
 * change, random bytes, random PAC headers over random contents, and seeded random mutations of a
 * valid PAC that favour the counts, offsets and lengths.
 */
class PacMalformedInputTest {
    private static final EncryptionKey KEY = TestPacBuilder.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);
    private static final int[] INTERESTING = {0, 1, 2, 3, 7, 8, 15, 16, 0x7F, 0x80, 0xFF, 0x100, 4095, 4096, 4097,
            0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 0x00020000};

    private static List<byte[]> validPacs() {
        List<byte[]> out = new ArrayList<>();
        out.add(new TestPacBuilder(KEY).build());
        out.add(new TestPacBuilder(KEY).withTicketAndFullChecksums().kdcRodcIdentifier(3)
                .addBuffer(PacBufferType.DEVICE_INFO, new byte[] {1, 2, 3}).build());
        out.add(new TestPacBuilder(KEY).withoutUpnSamNameAndSid().groups().extraSids().resourceGroups(null).build());
        out.add(MitPacVectors.SAVED_PAC);
        out.add(MitPacVectors.S4U_PAC_ENTERPRISE);
        return out;
    }

    /** Decodes and validates; anything but a PacException fails the test, naming the input. */
    private static void onlyPacException(byte[] data, String what) {
        try {
            Pac.decode(data);
        } catch (PacException expected) {
            // fine
        } catch (RuntimeException | Error e) {
            fail(what + ": decode threw " + e + " for " + HexFormat.of().formatHex(data), e);
        }
        try {
            PacValidator.validate(data, KEY, "alice", TestPacBuilder.DEFAULT_AUTH_TIME, true);
        } catch (PacException expected) {
            // fine
        } catch (RuntimeException | Error e) {
            fail(what + ": validate threw " + e + " for " + HexFormat.of().formatHex(data), e);
        }
    }

    @Test
    void everyPrefixOfAValidPac() throws Exception {
        for (byte[] pac : validPacs()) {
            for (int n = 0; n < pac.length; n++) {
                byte[] prefix = Arrays.copyOf(pac, n);
                onlyPacException(prefix, "prefix " + n);
            }
            assertThat(Pac.decode(pac)).isNotNull();
        }
    }

    @Test
    void everySingleByteChange() {
        for (byte[] pac : validPacs()) {
            for (int i = 0; i < pac.length; i++) {
                for (int v : new int[] {0x00, 0xFF, pac[i] + 1, pac[i] ^ 0x80}) {
                    byte[] m = pac.clone();
                    m[i] = (byte) v;
                    onlyPacException(m, "byte " + i + " = " + v);
                }
            }
        }
    }

    @Test
    void randomBytes() {
        Random random = new Random(0x5eed_0001L);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[random.nextInt(700)];
            random.nextBytes(b);
            if (random.nextBoolean() && b.length >= 8) {
                // a plausible PACTYPE so the buffers are looked at
                putU32(b, 0, 1 + random.nextInt(6));
                putU32(b, 4, 0);
            }
            onlyPacException(b, "random " + i);
        }
    }

    @Test
    void randomHeadersOverRandomContents() {
        Random random = new Random(0x5eed_0002L);
        int[] types = {1, 6, 7, 10, 12, 16, 17, 18, 19, 13, 99};
        for (int i = 0; i < 5000; i++) {
            int n = 1 + random.nextInt(6);
            int header = 8 + 16 * n;
            byte[] b = new byte[header + random.nextInt(600)];
            random.nextBytes(b);
            putU32(b, 0, n);
            putU32(b, 4, 0);
            for (int k = 0; k < n; k++) {
                int at = 8 + 16 * k;
                int offset = (header + random.nextInt(Math.max(1, b.length - header + 1))) & ~7;
                putU32(b, at, types[random.nextInt(types.length)]);
                putU32(b, at + 4, random.nextInt(Math.max(1, b.length - offset + 1)));
                putU32(b, at + 8, offset);
                putU32(b, at + 12, 0);
                if (random.nextBoolean() && offset + 16 <= b.length) {
                    // a well-formed serialization header, so the NDR decoder runs
                    b[offset] = 1;
                    b[offset + 1] = 0x10;
                    b[offset + 2] = 8;
                    b[offset + 3] = 0;
                    putU32(b, offset + 8, random.nextInt(b.length - offset - 15));
                    if (offset + 20 <= b.length) {
                        putU32(b, offset + 16, 0x00020000);
                    }
                }
            }
            onlyPacException(b, "random header " + i);
        }
    }

    @Test
    void randomMutationsOfValidPacs() {
        Random random = new Random(0x5eed_0003L);
        List<byte[]> pacs = validPacs();
        for (int i = 0; i < 20_000; i++) {
            byte[] m = pacs.get(random.nextInt(pacs.size())).clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(m.length);
                switch (random.nextInt(4)) {
                    case 0 -> m[at] = (byte) random.nextInt(256);
                    case 1 -> {
                        at &= ~3;
                        if (at + 4 <= m.length) {
                            putU32(m, at, INTERESTING[random.nextInt(INTERESTING.length)]);
                        }
                    }
                    case 2 -> {
                        if (at + 2 <= m.length) {
                            int v = INTERESTING[random.nextInt(INTERESTING.length)];
                            m[at] = (byte) v;
                            m[at + 1] = (byte) (v >>> 8);
                        }
                    }
                    default -> m = Arrays.copyOf(m, Math.max(0, m.length - random.nextInt(64)));
                }
                if (m.length == 0) {
                    break;
                }
            }
            onlyPacException(m, "mutation " + i);
        }
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
