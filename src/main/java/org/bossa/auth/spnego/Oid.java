package org.bossa.auth.spnego;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ASN.1 OBJECT IDENTIFIER in dotted form, with its DER content encoding (X.690 8.19).
 *
 * @param dotted e.g. "1.3.6.1.5.5.2"
 */
public record Oid(String dotted) {
    /** SPNEGO, RFC 4178. */
    public static final Oid SPNEGO = new Oid("1.3.6.1.5.5.2");
    /** NTLMSSP (MS-NLMP). */
    public static final Oid NTLMSSP = new Oid("1.3.6.1.4.1.311.2.2.10");
    /** Kerberos 5 as Windows lists it first (MS-KILE, the historical "MS KRB5" OID). */
    public static final Oid MS_KRB5 = new Oid("1.2.840.48018.1.2.2");
    /** Kerberos 5, RFC 4121. */
    public static final Oid KRB5 = new Oid("1.2.840.113554.1.2.2");
    /** NEGOEX (MS-NEGOEX); listed by Windows, not implemented here. */
    public static final Oid NEGOEX = new Oid("1.3.6.1.4.1.311.2.2.30");

    private static final int MAX_CONTENT = 64;

    public Oid {
        Objects.requireNonNull(dotted, "dotted");
        arcs(dotted); // validates
    }

    private static long[] arcs(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("an OID has at least two arcs: " + dotted);
        }
        long[] arcs = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')
                    || (parts[i].length() > 1 && parts[i].charAt(0) == '0') || parts[i].length() > 18) {
                throw new IllegalArgumentException("bad OID arc in " + dotted);
            }
            arcs[i] = Long.parseLong(parts[i]);
        }
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39)) {
            throw new IllegalArgumentException("bad first arcs in " + dotted);
        }
        return arcs;
    }

    /** The DER content octets (without tag and length). */
    public byte[] contentBytes() {
        long[] arcs = arcs(dotted);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, arcs[i]);
        }
        return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, long v) {
        int groups = 1;
        for (long t = v >>> 7; t != 0; t >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((v >>> (7 * g)) & 0x7F);
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    /** Decodes DER content octets strictly: no padding 0x80 octets, no truncated subidentifier. */
    public static Oid fromContent(byte[] c) throws DerException {
        if (c.length == 0 || c.length > MAX_CONTENT) {
            throw new DerException("OID content of " + c.length + " bytes");
        }
        List<Long> subs = new ArrayList<>();
        long v = 0;
        boolean start = true;
        for (int i = 0; i < c.length; i++) {
            int b = c[i] & 0xFF;
            if (start && b == 0x80) {
                throw new DerException("non-minimal OID subidentifier");
            }
            if (v > (Long.MAX_VALUE >>> 7)) {
                throw new DerException("OID subidentifier too large");
            }
            v = (v << 7) | (b & 0x7F);
            start = (b & 0x80) == 0;
            if (start) {
                subs.add(v);
                v = 0;
            }
        }
        if (!start) {
            throw new DerException("truncated OID subidentifier");
        }
        StringBuilder sb = new StringBuilder();
        long first = subs.get(0);
        if (first < 40) {
            sb.append("0.").append(first);
        } else if (first < 80) {
            sb.append("1.").append(first - 40);
        } else {
            sb.append("2.").append(first - 80);
        }
        for (int i = 1; i < subs.size(); i++) {
            sb.append('.').append(subs.get(i));
        }
        try {
            return new Oid(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new DerException("OID out of range");
        }
    }

    @Override
    public String toString() {
        return dotted;
    }
}
