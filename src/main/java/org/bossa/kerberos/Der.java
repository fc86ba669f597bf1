package org.bossa.kerberos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small strict DER reader and writer (X.690) for the places where Kerby's types lose facts we
 * need: KRB-ERROR codes outside Kerby's enum, the application tag of a reply before choosing a
 * decoder, and Microsoft's ChangePasswdData. Only single-byte tags and definite lengths of up to
 * four bytes occur in Kerberos; anything else is refused. Every length is checked against its
 * enclosing element before it is used.
 */
public final class Der {
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int SEQUENCE = 0x30;
    public static final int GENERAL_STRING = 0x1B;
    public static final int GENERALIZED_TIME = 0x18;

    private static final DateTimeFormatter KERBEROS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    /** Malformed DER. */
    public static final class DerException extends Exception {
        public DerException(String message) {
            super(message);
        }
    }

    /** One element: its tag byte, where it starts in {@code buf} and where its value lies. */
    public record Tlv(int tag, byte[] buf, int offset, int valueOffset, int length) {
        public int end() {
            return valueOffset + length;
        }

        public boolean constructed() {
            return (tag & 0x20) != 0;
        }

        public byte[] value() {
            byte[] out = new byte[length];
            System.arraycopy(buf, valueOffset, out, 0, length);
            return out;
        }

        /** The whole element, tag and length included. */
        public byte[] encoded() {
            byte[] out = new byte[end() - offset];
            System.arraycopy(buf, offset, out, 0, out.length);
            return out;
        }
    }

    /** Context-specific constructed tag [n], as used for every field of a Kerberos SEQUENCE. */
    public static int context(int n) {
        return 0xA0 | n;
    }

    /** Application constructed tag [APPLICATION n], as used for every Kerberos message. */
    public static int application(int n) {
        return 0x60 | n;
    }

    /** Reads the element at {@code off}, which must end at or before {@code end}. */
    public static Tlv read(byte[] buf, int off, int end) throws DerException {
        if (off < 0 || end > buf.length || off + 2 > end) {
            throw new DerException("element header past the end at offset " + off);
        }
        int tag = buf[off] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new DerException("multi-byte tag at offset " + off);
        }
        int first = buf[off + 1] & 0xFF;
        int pos = off + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4) {
                throw new DerException("unsupported length form 0x" + Integer.toHexString(first) + " at offset " + off);
            }
            if (pos + n > end) {
                throw new DerException("length bytes past the end at offset " + off);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (buf[pos++] & 0xFF);
            }
        }
        if (length > end - pos) {
            throw new DerException("length " + length + " exceeds the " + (end - pos) + " bytes left at offset " + off);
        }
        return new Tlv(tag, buf, off, pos, (int) length);
    }

    /** Reads a whole buffer as one element with nothing after it. */
    public static Tlv readWhole(byte[] buf) throws DerException {
        Tlv t = read(buf, 0, buf.length);
        if (t.end() != buf.length) {
            throw new DerException((buf.length - t.end()) + " bytes after the element");
        }
        return t;
    }

    /** The elements inside a constructed element, in order. */
    public static List<Tlv> children(Tlv parent) throws DerException {
        if (!parent.constructed()) {
            throw new DerException("tag 0x" + Integer.toHexString(parent.tag()) + " is not constructed");
        }
        List<Tlv> out = new ArrayList<>();
        int pos = parent.valueOffset();
        while (pos < parent.end()) {
            Tlv t = read(parent.buf(), pos, parent.end());
            out.add(t);
            pos = t.end();
        }
        return out;
    }

    /** The single element inside an explicit tag such as [APPLICATION 30] or [6]. */
    public static Tlv unwrap(Tlv explicit) throws DerException {
        List<Tlv> inner = children(explicit);
        if (inner.size() != 1) {
            throw new DerException("explicit tag 0x" + Integer.toHexString(explicit.tag()) + " holds "
                    + inner.size() + " elements");
        }
        return inner.getFirst();
    }

    /** A signed INTEGER of at most 8 bytes. */
    public static long integer(Tlv t) throws DerException {
        expect(t, INTEGER);
        if (t.length() == 0 || t.length() > 8) {
            throw new DerException("INTEGER of " + t.length() + " bytes");
        }
        long v = t.buf()[t.valueOffset()]; // sign-extended
        for (int i = 1; i < t.length(); i++) {
            v = (v << 8) | (t.buf()[t.valueOffset() + i] & 0xFF);
        }
        return v;
    }

    /** A KerberosString (GeneralString restricted to IA5 in RFC 4120; AD sends UTF-8). */
    public static String string(Tlv t) throws DerException {
        expect(t, GENERAL_STRING);
        return new String(t.buf(), t.valueOffset(), t.length(), StandardCharsets.UTF_8);
    }

    public static byte[] octets(Tlv t) throws DerException {
        expect(t, OCTET_STRING);
        return t.value();
    }

    /** KerberosTime: GeneralizedTime "YYYYMMDDHHMMSSZ" (RFC 4120 5.2.3). */
    public static Instant time(Tlv t) throws DerException {
        expect(t, GENERALIZED_TIME);
        String s = new String(t.buf(), t.valueOffset(), t.length(), StandardCharsets.US_ASCII);
        try {
            return LocalDateTime.parse(s, KERBEROS_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DerException("bad KerberosTime '" + s + "'");
        }
    }

    private static void expect(Tlv t, int tag) throws DerException {
        if (t.tag() != tag) {
            throw new DerException("expected tag 0x" + Integer.toHexString(tag) + ", found 0x"
                    + Integer.toHexString(t.tag()));
        }
    }

    // ---- writing ----

    /** One element with the given tag around the concatenated contents. */
    public static byte[] tlv(int tag, byte[]... contents) {
        int length = 0;
        for (byte[] c : contents) {
            length += c.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(0x84);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
        for (byte[] c : contents) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    public static byte[] octetString(byte[] value) {
        return tlv(OCTET_STRING, value);
    }

    public static byte[] generalString(String value) {
        return tlv(GENERAL_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A non-negative INTEGER in minimal two's complement form. */
    public static byte[] integer(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative INTEGER");
        }
        byte[] b = java.math.BigInteger.valueOf(value).toByteArray();
        return tlv(INTEGER, b);
    }
}
