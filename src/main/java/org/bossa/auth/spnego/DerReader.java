package org.bossa.auth.spnego;

import java.util.Arrays;

/**
 * A strict DER reader over a byte range: single-octet tags only, definite minimal lengths only (X.690 10.1),
 * every length checked against the bytes that are really there. Nothing is allocated before its length is known
 * to fit.
 */
public final class DerReader {
    /** The largest token accepted (Samba's SPNEGO limit is UINT16_MAX as well). */
    public static final int MAX_INPUT = 0xFFFF;

    /** One element: its tag and where its content lies in the underlying buffer. */
    public record Tlv(int tag, int start, int contentStart, int end) {
        public int contentLength() {
            return end - contentStart;
        }
    }

    private final byte[] buf;
    private final int end;
    private int pos;

    public DerReader(byte[] input) throws DerException {
        if (input.length > MAX_INPUT) {
            throw new DerException("input of " + input.length + " bytes exceeds " + MAX_INPUT);
        }
        this.buf = input;
        this.pos = 0;
        this.end = input.length;
    }

    private DerReader(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public int peekTag() throws DerException {
        if (!hasMore()) {
            throw new DerException("unexpected end of data");
        }
        return buf[pos] & 0xFF;
    }

    public Tlv next() throws DerException {
        int start = pos;
        int tag = peekTag();
        if ((tag & 0x1F) == 0x1F) {
            throw new DerException("multi-octet tags are not used here");
        }
        int p = pos + 1;
        if (p >= end) {
            throw new DerException("missing length");
        }
        int first = buf[p++] & 0xFF;
        long len;
        if (first < 0x80) {
            len = first;
        } else if (first == 0x80) {
            throw new DerException("indefinite length");
        } else {
            int n = first & 0x7F;
            if (n > 4) {
                throw new DerException("length of " + n + " octets");
            }
            if (end - p < n) {
                throw new DerException("truncated length");
            }
            if ((buf[p] & 0xFF) == 0) {
                throw new DerException("non-minimal length (leading zero)");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[p++] & 0xFF);
            }
            if (len < 0x80) {
                throw new DerException("non-minimal length (long form for " + len + ")");
            }
        }
        if (len > end - p) {
            throw new DerException("length " + len + " exceeds the " + (end - p) + " bytes left");
        }
        pos = p + (int) len;
        return new Tlv(tag, start, p, pos);
    }

    public Tlv expect(int tag) throws DerException {
        int actual = peekTag();
        if (actual != tag) {
            throw new DerException(String.format("tag 0x%02x, expected 0x%02x", actual, tag));
        }
        return next();
    }

    /** A reader over the content of a constructed element. */
    public DerReader contents(Tlv tlv) throws DerException {
        if ((tlv.tag() & 0x20) == 0) {
            throw new DerException(String.format("tag 0x%02x is not constructed", tlv.tag()));
        }
        return new DerReader(buf, tlv.contentStart(), tlv.end());
    }

    public byte[] content(Tlv tlv) {
        return Arrays.copyOfRange(buf, tlv.contentStart(), tlv.end());
    }

    /** The whole element, tag and length included. */
    public byte[] encoded(Tlv tlv) {
        return Arrays.copyOfRange(buf, tlv.start(), tlv.end());
    }

    public byte[] octetString() throws DerException {
        return content(expect(0x04));
    }

    public Oid oid() throws DerException {
        return Oid.fromContent(content(expect(0x06)));
    }

    public int enumerated() throws DerException {
        byte[] c = content(expect(0x0A));
        if (c.length == 0 || c.length > 4 || (c.length > 1 && (c[0] == 0 && (c[1] & 0x80) == 0
                || c[0] == (byte) 0xFF && (c[1] & 0x80) != 0))) {
            throw new DerException("bad ENUMERATED encoding");
        }
        int v = c[0];
        for (int i = 1; i < c.length; i++) {
            v = (v << 8) | (c[i] & 0xFF);
        }
        return v;
    }

    public String generalString() throws DerException {
        return new String(content(expect(0x1B)), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public void expectEnd() throws DerException {
        if (hasMore()) {
            throw new DerException((end - pos) + " unexpected trailing bytes");
        }
    }
}
