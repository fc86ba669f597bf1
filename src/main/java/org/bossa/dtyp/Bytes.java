package org.bossa.dtyp;

/** Little-endian helpers with explicit bounds checks for the dtyp decoders. */
final class Bytes {
    private Bytes() {
    }

    static void require(byte[] b, long off, long len, DtypFormatException.Kind kind, String what) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new DtypFormatException(kind, what + ": range " + off + "+" + len + " outside " + b.length
                    + " bytes");
        }
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int off) {
        return u16(b, off) | u16(b, off + 2) << 16;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int off, int v) {
        putU16(b, off, v);
        putU16(b, off + 2, v >>> 16);
    }
}
