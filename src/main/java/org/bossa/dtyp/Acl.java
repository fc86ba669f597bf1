package org.bossa.dtyp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An access control list, [MS-DTYP] 2.4.5: AclRevision 1 (2, or 4 when object ACEs are present), Sbz1 1,
 * AclSize 2, AceCount 2, Sbz2 2, then AceCount ACEs inside AclSize. Immutable.
 */
public final class Acl {
    public static final int ACL_REVISION = 2;
    public static final int ACL_REVISION_DS = 4;
    public static final int HEADER = 8;

    private final int revision;
    private final List<Ace> aces;

    public Acl(int revision, List<Ace> aces) {
        if (revision != ACL_REVISION && revision != ACL_REVISION_DS) {
            throw new IllegalArgumentException("AclRevision must be 2 or 4");
        }
        this.revision = revision;
        this.aces = List.copyOf(aces);
        if (aces.size() > 0xFFFF || encodedLength() > 0xFFFF) {
            throw new IllegalArgumentException("ACL larger than 65535 bytes");
        }
    }

    public static Acl of(Ace... aces) {
        return new Acl(ACL_REVISION, List.of(aces));
    }

    /**
     * Decodes the ACL at {@code offset}; it must end by {@code limit}.
     *
     * @throws DtypFormatException (ACL) for a bad revision, an AclSize past {@code limit} or below the header, an
     *                             AceCount that cannot fit, an ACE running past AclSize, or ACEs that would not
     *                             fit in 65535 bytes once padded for encoding
     */
    public static Acl decode(byte[] b, int offset, int limit) {
        if (offset < 0 || limit > b.length || limit - offset < HEADER) {
            throw bad("ACL header truncated at " + offset);
        }
        int revision = Bytes.u8(b, offset);
        if (revision != ACL_REVISION && revision != ACL_REVISION_DS) {
            throw bad("AclRevision " + revision);
        }
        int size = Bytes.u16(b, offset + 2);
        int count = Bytes.u16(b, offset + 4);
        if (size < HEADER || size > limit - offset) {
            throw bad("AclSize " + size + " outside buffer");
        }
        if (count > (size - HEADER) / 8) {
            throw bad("AceCount " + count + " cannot fit in AclSize " + size);
        }
        int end = offset + size;
        List<Ace> aces = new ArrayList<>(count);
        int p = offset + HEADER;
        int encoded = HEADER;
        for (int i = 0; i < count; i++) {
            Ace ace = Ace.decode(b, p, end);
            aces.add(ace);
            encoded += ace.encodedLength();
            p += Bytes.u16(b, p + 2);
        }
        if (encoded > 0xFFFF) { // AceSizes not multiples of 4 grow when padded on re-encoding
            throw bad("ACEs need " + encoded + " bytes once padded, more than an ACL holds");
        }
        return new Acl(revision, aces);
    }

    /** Decodes a buffer holding exactly one ACL (e.g. a test vector). */
    public static Acl decode(byte[] b) {
        return decode(b, 0, b.length);
    }

    public int encodedLength() {
        int n = HEADER;
        for (Ace a : aces) {
            n += a.encodedLength();
        }
        return n;
    }

    public int encodeInto(byte[] out, int offset) {
        int size = encodedLength();
        out[offset] = (byte) revision;
        out[offset + 1] = 0;
        Bytes.putU16(out, offset + 2, size);
        Bytes.putU16(out, offset + 4, aces.size());
        Bytes.putU16(out, offset + 6, 0);
        int p = offset + HEADER;
        for (Ace a : aces) {
            p = a.encodeInto(out, p);
        }
        return p;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        encodeInto(out, 0);
        return out;
    }

    public int revision() {
        return revision;
    }

    public List<Ace> aces() {
        return aces;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Acl a && a.revision == revision && a.aces.equals(aces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(revision, aces);
    }

    @Override
    public String toString() {
        return "Acl[rev=" + revision + ", " + aces + "]";
    }

    private static DtypFormatException bad(String detail) {
        return new DtypFormatException(DtypFormatException.Kind.ACL, detail);
    }
}
