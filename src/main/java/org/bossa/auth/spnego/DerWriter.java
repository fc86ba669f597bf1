package org.bossa.auth.spnego;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DER encoding of the few types SPNEGO needs; definite minimal lengths. */
public final class DerWriter {
    private DerWriter() {
    }

    public static byte[] tlv(int tag, byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
        out.write(tag);
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len > 0xFFFFFF ? 4 : len > 0xFFFF ? 3 : len > 0xFF ? 2 : 1;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    /** A constructed context-specific tag [n]. */
    public static byte[] context(int n, byte[]... parts) {
        return tlv(0xA0 | n, parts);
    }

    public static byte[] octetString(byte[] b) {
        return tlv(0x04, b);
    }

    public static byte[] oid(Oid oid) {
        return tlv(0x06, oid.contentBytes());
    }

    public static byte[] enumerated(int v) {
        if (v < 0 || v > 127) {
            throw new IllegalArgumentException("small non-negative ENUMERATED only");
        }
        return tlv(0x0A, new byte[] {(byte) v});
    }

    public static byte[] generalString(String s) {
        return tlv(0x1B, s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
