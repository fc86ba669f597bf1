package org.bossa.idmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors from src/test/resources/idmap/murmur3_vectors.py, an independent implementation. */
class MurmurHash3Test {

    private static int hash(String s, int seed) {
        return MurmurHash3.x86_32(s.getBytes(StandardCharsets.UTF_8), seed);
    }

    @Test
    void publishedVectors() {
        assertThat(hash("", 0)).isZero();
        assertThat(hash("", 1)).isEqualTo(0x514e28b7);
        assertThat(hash("", 0xffffffff)).isEqualTo(0x81f16f39);
        assertThat(hash("aaaa", 0x9747b28c)).isEqualTo(0x5a97808a);
        assertThat(hash("Hello, world!", 0x9747b28c)).isEqualTo(0x24884cba);
        assertThat(hash("The quick brown fox jumps over the lazy dog", 0x9747b28c)).isEqualTo(0x2fa826cd);
    }

    @Test
    void sidStringsWithSssdsSeed() {
        // every tail length (41, 14, 48, 41 bytes) is covered
        assertThat(hash("S-1-5-21-3481000066-1847199495-2699438602", 0xdeadbeef)).isEqualTo(0x4fb8c554);
        assertThat(hash("S-1-5-21-1-2-3", 0xdeadbeef)).isEqualTo(0x67c01c66);
        assertThat(hash("S-1-5-21-3481000066-1847199495-2699438602-200000", 0xdeadbeef)).isEqualTo(0xb2a09efe);
        assertThat(hash("S-1-5-21-2153326666-2176343378-3404031434", 0xdeadbeef)).isEqualTo(0x058ca6ed);
        assertThat(hash("abc", 0)).isEqualTo(MurmurHash3.x86_32(new byte[] {'a', 'b', 'c'}, 0));
    }
}
