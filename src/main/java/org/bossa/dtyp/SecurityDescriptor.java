package org.bossa.dtyp;

import java.util.Objects;

/**
 * A self-relative security descriptor, [MS-DTYP] 2.4.6: Revision 1, Sbz1 1, Control 2, OffsetOwner 4,
 * OffsetGroup 4, OffsetSacl 4, OffsetDacl 4, then the parts. An offset of 0 means the part is absent; a DACL
 * with SE_DACL_PRESENT and offset 0 is the NULL DACL (everyone has full access), which is different from no DACL
 * (SE_DACL_PRESENT clear). Parts are written in the order SACL, DACL, owner, group, as Windows does. Immutable.
 */
public final class SecurityDescriptor {
    public static final int REVISION = 1;
    public static final int HEADER = 20;

    public static final int SE_OWNER_DEFAULTED = 0x0001;
    public static final int SE_GROUP_DEFAULTED = 0x0002;
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_DACL_DEFAULTED = 0x0008;
    public static final int SE_SACL_PRESENT = 0x0010;
    public static final int SE_SACL_DEFAULTED = 0x0020;
    public static final int SE_DACL_TRUSTED = 0x0040;
    public static final int SE_SERVER_SECURITY = 0x0080;
    public static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    public static final int SE_SACL_AUTO_INHERIT_REQ = 0x0200;
    public static final int SE_DACL_AUTO_INHERITED = 0x0400;
    public static final int SE_SACL_AUTO_INHERITED = 0x0800;
    public static final int SE_DACL_PROTECTED = 0x1000;
    public static final int SE_SACL_PROTECTED = 0x2000;
    public static final int SE_RM_CONTROL_VALID = 0x4000;
    public static final int SE_SELF_RELATIVE = 0x8000;

    private static final int DACL_CONTROL_BITS = SE_DACL_PRESENT | SE_DACL_DEFAULTED | SE_DACL_TRUSTED
            | SE_DACL_AUTO_INHERIT_REQ | SE_DACL_AUTO_INHERITED | SE_DACL_PROTECTED;
    private static final int SACL_CONTROL_BITS = SE_SACL_PRESENT | SE_SACL_DEFAULTED | SE_SACL_AUTO_INHERIT_REQ
            | SE_SACL_AUTO_INHERITED | SE_SACL_PROTECTED;

    private final int control;
    private final Sid owner;
    private final Sid group;
    private final Acl sacl;
    private final Acl dacl;

    /**
     * @param control Control flags; SE_SELF_RELATIVE is always added, SE_DACL_PRESENT / SE_SACL_PRESENT are added
     *                when {@code dacl} / {@code sacl} is non-null (pass SE_DACL_PRESENT with a null dacl for a
     *                NULL DACL)
     */
    public SecurityDescriptor(int control, Sid owner, Sid group, Acl sacl, Acl dacl) {
        int c = (control & 0xFFFF) | SE_SELF_RELATIVE;
        if (dacl != null) {
            c |= SE_DACL_PRESENT;
        }
        if (sacl != null) {
            c |= SE_SACL_PRESENT;
        }
        this.control = c;
        this.owner = owner;
        this.group = group;
        this.sacl = sacl;
        this.dacl = dacl;
    }

    /** Owner, group and a DACL, as Bossa builds them for files. */
    public static SecurityDescriptor of(Sid owner, Sid group, Acl dacl) {
        return new SecurityDescriptor(0, owner, group, null, dacl);
    }

    /**
     * Decodes a self-relative descriptor that fills {@code b}.
     *
     * @throws DtypFormatException (SECURITY_DESCRIPTOR) if short, of a wrong revision, not self-relative, or an
     *                             offset points into the header or past the buffer, or a part does not fit
     */
    public static SecurityDescriptor decode(byte[] b) {
        if (b.length < HEADER) {
            throw bad("security descriptor shorter than 20 bytes");
        }
        if (Bytes.u8(b, 0) != REVISION) {
            throw bad("Revision " + Bytes.u8(b, 0));
        }
        int control = Bytes.u16(b, 2);
        if ((control & SE_SELF_RELATIVE) == 0) {
            throw bad("not self-relative");
        }
        try {
            Sid owner = sidAt(b, Bytes.u32(b, 4), "OffsetOwner");
            Sid group = sidAt(b, Bytes.u32(b, 8), "OffsetGroup");
            Acl sacl = (control & SE_SACL_PRESENT) != 0 ? aclAt(b, Bytes.u32(b, 12), "OffsetSacl") : null;
            Acl dacl = (control & SE_DACL_PRESENT) != 0 ? aclAt(b, Bytes.u32(b, 16), "OffsetDacl") : null;
            if ((control & SE_SACL_PRESENT) == 0) {
                checkOffset(b, Bytes.u32(b, 12), "OffsetSacl");
            }
            if ((control & SE_DACL_PRESENT) == 0) {
                checkOffset(b, Bytes.u32(b, 16), "OffsetDacl");
            }
            return new SecurityDescriptor(control, owner, group, sacl, dacl);
        } catch (DtypFormatException e) {
            if (e.kind() == DtypFormatException.Kind.SECURITY_DESCRIPTOR) {
                throw e;
            }
            throw bad(e.getMessage());
        }
    }

    /** An offset is 0 (absent) or points past the header and inside the buffer. */
    private static long checkOffset(byte[] b, int rawOffset, String what) {
        long off = Integer.toUnsignedLong(rawOffset);
        if (off != 0 && (off < HEADER || off >= b.length)) {
            throw bad(what + " " + off + " outside the descriptor of " + b.length + " bytes");
        }
        return off;
    }

    private static Sid sidAt(byte[] b, int rawOffset, String what) {
        long off = checkOffset(b, rawOffset, what);
        return off == 0 ? null : Sid.decode(b, (int) off, b.length);
    }

    private static Acl aclAt(byte[] b, int rawOffset, String what) {
        long off = checkOffset(b, rawOffset, what);
        return off == 0 ? null : Acl.decode(b, (int) off, b.length);
    }

    /** The full descriptor. */
    public byte[] encode() {
        return encode(SecurityInformation.ALL_BASIC);
    }

    /**
     * The descriptor with only the parts {@code securityInformation} asks for (OWNER, GROUP, DACL, SACL of
     * [MS-DTYP] 2.4.7); the control bits of a part left out are cleared, as Windows and Samba do for
     * QUERY_INFO with SMB2_0_INFO_SECURITY.
     */
    public byte[] encode(int securityInformation) {
        return filter(securityInformation).encodeAll();
    }

    /** This descriptor reduced to the parts {@code securityInformation} names. */
    public SecurityDescriptor filter(int securityInformation) {
        boolean wantOwner = (securityInformation & SecurityInformation.OWNER_SECURITY_INFORMATION) != 0;
        boolean wantGroup = (securityInformation & SecurityInformation.GROUP_SECURITY_INFORMATION) != 0;
        boolean wantDacl = (securityInformation & SecurityInformation.DACL_SECURITY_INFORMATION) != 0;
        boolean wantSacl = (securityInformation & SecurityInformation.SACL_SECURITY_INFORMATION) != 0;
        int c = control;
        if (!wantOwner) {
            c &= ~SE_OWNER_DEFAULTED;
        }
        if (!wantGroup) {
            c &= ~SE_GROUP_DEFAULTED;
        }
        if (!wantDacl) {
            c &= ~DACL_CONTROL_BITS;
        }
        if (!wantSacl) {
            c &= ~SACL_CONTROL_BITS;
        }
        return new SecurityDescriptor(c, wantOwner ? owner : null, wantGroup ? group : null,
                wantSacl ? sacl : null, wantDacl ? dacl : null);
    }

    private byte[] encodeAll() {
        int size = encodedLength();
        byte[] out = new byte[size];
        out[0] = REVISION;
        Bytes.putU16(out, 2, control);
        int p = HEADER;
        if (sacl != null) {
            Bytes.putU32(out, 12, p);
            p = sacl.encodeInto(out, p);
        }
        if (dacl != null) {
            Bytes.putU32(out, 16, p);
            p = dacl.encodeInto(out, p);
        }
        if (owner != null) {
            Bytes.putU32(out, 4, p);
            p = owner.encodeInto(out, p);
        }
        if (group != null) {
            Bytes.putU32(out, 8, p);
            p = group.encodeInto(out, p);
        }
        return out;
    }

    public int encodedLength() {
        return HEADER + (sacl == null ? 0 : sacl.encodedLength()) + (dacl == null ? 0 : dacl.encodedLength())
                + (owner == null ? 0 : owner.encodedLength()) + (group == null ? 0 : group.encodedLength());
    }

    public int control() {
        return control;
    }

    /** Owner, or null if absent. */
    public Sid owner() {
        return owner;
    }

    /** Group, or null if absent. */
    public Sid group() {
        return group;
    }

    /** The SACL, or null. */
    public Acl sacl() {
        return sacl;
    }

    /** The DACL, or null (see {@link #isNullDacl()} and {@link #hasDacl()}). */
    public Acl dacl() {
        return dacl;
    }

    /** SE_DACL_PRESENT. */
    public boolean hasDacl() {
        return (control & SE_DACL_PRESENT) != 0;
    }

    /** SE_DACL_PRESENT without a DACL: no protection at all. */
    public boolean isNullDacl() {
        return hasDacl() && dacl == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityDescriptor s && s.control == control && Objects.equals(s.owner, owner)
                && Objects.equals(s.group, group) && Objects.equals(s.sacl, sacl) && Objects.equals(s.dacl, dacl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, owner, group, sacl, dacl);
    }

    @Override
    public String toString() {
        return "SecurityDescriptor[control=0x" + Integer.toHexString(control) + ", owner=" + owner + ", group="
                + group + ", sacl=" + sacl + ", dacl=" + (isNullDacl() ? "NULL" : dacl) + "]";
    }

    private static DtypFormatException bad(String detail) {
        return new DtypFormatException(DtypFormatException.Kind.SECURITY_DESCRIPTOR, detail);
    }
}
