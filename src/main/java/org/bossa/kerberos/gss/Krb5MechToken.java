package org.bossa.kerberos.gss;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A Kerberos V5 context-establishment token: the RFC 2743 3.1 framing (APPLICATION 0 tag, DER
 * length, mechanism OID 1.2.840.113554.1.2.2) around a two-byte TOK_ID and the Kerberos message
 * (RFC 4121 4.1: AP-REQ 01 00, AP-REP 02 00, KRB-ERROR 03 00).
 *
 * @param tokenId the TOK_ID, big-endian (0x0100, 0x0200 or 0x0300)
 * @param body the DER-encoded Kerberos message
 */
public record Krb5MechToken(int tokenId, byte[] body) {
    public static final int AP_REQ = 0x0100;
    public static final int AP_REP = 0x0200;
    public static final int KRB_ERROR = 0x0300;

    /** DER of OBJECT IDENTIFIER 1.2.840.113554.1.2.2, tag and length included. */
    static final byte[] KRB5_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01,
            0x02, 0x02};
    private static final int APPLICATION_0 = 0x60;

    public Krb5MechToken {
        if (tokenId < 0 || tokenId > 0xffff) {
            throw new IllegalArgumentException("TOK_ID is two bytes");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public byte[] encode() {
        int inner = KRB5_OID_DER.length + 2 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(inner + 6);
        out.write(APPLICATION_0);
        writeDerLength(out, inner);
        out.writeBytes(KRB5_OID_DER);
        out.write(tokenId >>> 8);
        out.write(tokenId & 0xff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Parses a framed token. The framing's length must cover exactly the rest of the token and the
     * OID must be Kerberos V5's.
     */
    public static Krb5MechToken decode(byte[] token) throws GssException {
        if (token == null || token.length < 2) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "context token shorter than its framing");
        }
        if ((token[0] & 0xff) != APPLICATION_0) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    String.format("context token starts with 0x%02x, not the RFC 2743 tag 0x60", token[0] & 0xff));
        }
        int pos = 1;
        int first = token[pos++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4) {
                throw new GssException(GssError.DEFECTIVE_TOKEN, "context token length uses " + n + " length bytes");
            }
            if (token.length - pos < n) {
                throw new GssException(GssError.DEFECTIVE_TOKEN, "context token length is truncated");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (token[pos++] & 0xff);
            }
        }
        if (length != token.length - pos) {
            throw new GssException(GssError.DEFECTIVE_TOKEN,
                    "context token framing says " + length + " bytes, " + (token.length - pos) + " follow");
        }
        if (token.length - pos < 2 || token[pos] != 0x06) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "context token has no mechanism OID");
        }
        int oidLength = token[pos + 1] & 0xff;
        if (oidLength >= 0x80 || token.length - pos - 2 < oidLength) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "context token mechanism OID is truncated");
        }
        if (!Arrays.equals(token, pos, pos + 2 + oidLength, KRB5_OID_DER, 0, KRB5_OID_DER.length)) {
            throw new GssException(GssError.BAD_MECH, "the framing names another mechanism OID");
        }
        pos += 2 + oidLength;
        if (token.length - pos < 2) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "context token has no TOK_ID");
        }
        int tokenId = ((token[pos] & 0xff) << 8) | (token[pos + 1] & 0xff);
        pos += 2;
        return new Krb5MechToken(tokenId, Arrays.copyOfRange(token, pos, token.length));
    }

    private static void writeDerLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xffff) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xff);
        } else if (length <= 0xffffff) {
            out.write(0x83);
            out.write(length >>> 16);
            out.write((length >>> 8) & 0xff);
            out.write(length & 0xff);
        } else {
            out.write(0x84);
            out.write(length >>> 24);
            out.write((length >>> 16) & 0xff);
            out.write((length >>> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
