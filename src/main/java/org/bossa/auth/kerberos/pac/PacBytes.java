package org.bossa.auth.kerberos.pac;

/** Little-endian reads at offsets the caller has checked. */
final class PacBytes {
    private PacBytes() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static long u64(byte[] b, int at) {
        return Integer.toUnsignedLong(u32(b, at)) | Integer.toUnsignedLong(u32(b, at + 4)) << 32;
    }
}
