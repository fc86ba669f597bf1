package org.bossa.dtyp;

import java.util.Arrays;
import java.util.Objects;

/**
 * An access control entry, [MS-DTYP] 2.4.4: ACE_HEADER (AceType 1, AceFlags 1, AceSize 2) then, for the types
 * Bossa interprets (ACCESS_ALLOWED 2.4.4.2, ACCESS_DENIED 2.4.4.4, SYSTEM_AUDIT 2.4.4.10, SYSTEM_ALARM,
 * SYSTEM_MANDATORY_LABEL 2.4.4.13 and the callback types, whose trailing ApplicationData is kept), Mask 4 and
 * Sid. Other types (object ACEs, resource attributes) are kept as Mask plus opaque bytes so they round-trip.
 * Immutable.
 */
public final class Ace {
    public static final int ACCESS_ALLOWED_ACE_TYPE = 0x00;
    public static final int ACCESS_DENIED_ACE_TYPE = 0x01;
    public static final int SYSTEM_AUDIT_ACE_TYPE = 0x02;
    public static final int SYSTEM_ALARM_ACE_TYPE = 0x03;
    public static final int ACCESS_ALLOWED_COMPOUND_ACE_TYPE = 0x04;
    public static final int ACCESS_ALLOWED_OBJECT_ACE_TYPE = 0x05;
    public static final int ACCESS_DENIED_OBJECT_ACE_TYPE = 0x06;
    public static final int SYSTEM_AUDIT_OBJECT_ACE_TYPE = 0x07;
    public static final int SYSTEM_ALARM_OBJECT_ACE_TYPE = 0x08;
    public static final int ACCESS_ALLOWED_CALLBACK_ACE_TYPE = 0x09;
    public static final int ACCESS_DENIED_CALLBACK_ACE_TYPE = 0x0A;
    public static final int ACCESS_ALLOWED_CALLBACK_OBJECT_ACE_TYPE = 0x0B;
    public static final int ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE = 0x0C;
    public static final int SYSTEM_AUDIT_CALLBACK_ACE_TYPE = 0x0D;
    public static final int SYSTEM_ALARM_CALLBACK_ACE_TYPE = 0x0E;
    public static final int SYSTEM_AUDIT_CALLBACK_OBJECT_ACE_TYPE = 0x0F;
    public static final int SYSTEM_ALARM_CALLBACK_OBJECT_ACE_TYPE = 0x10;
    public static final int SYSTEM_MANDATORY_LABEL_ACE_TYPE = 0x11;
    public static final int SYSTEM_RESOURCE_ATTRIBUTE_ACE_TYPE = 0x12;
    public static final int SYSTEM_SCOPED_POLICY_ID_ACE_TYPE = 0x13;

    public static final int OBJECT_INHERIT_ACE = 0x01;
    public static final int CONTAINER_INHERIT_ACE = 0x02;
    public static final int NO_PROPAGATE_INHERIT_ACE = 0x04;
    public static final int INHERIT_ONLY_ACE = 0x08;
    public static final int INHERITED_ACE = 0x10;
    public static final int SUCCESSFUL_ACCESS_ACE_FLAG = 0x40;
    public static final int FAILED_ACCESS_ACE_FLAG = 0x80;

    private static final int HEADER = 4;

    private final int type;
    private final int flags;
    private final int mask;
    private final Sid sid;
    private final byte[] extra;

    private Ace(int type, int flags, int mask, Sid sid, byte[] extra) {
        this.type = type;
        this.flags = flags;
        this.mask = mask;
        this.sid = sid;
        this.extra = extra;
        if (encodedLength() > 0xFFFF) {
            throw new IllegalArgumentException("ACE larger than 65535 bytes");
        }
    }

    /** An ACE of a SID-bearing type (allowed, denied, audit, ...). */
    public static Ace of(int type, int flags, int mask, Sid sid) {
        if (!hasSid(type)) {
            throw new IllegalArgumentException("ACE type " + type + " is not a simple SID type");
        }
        return new Ace(type, flags & 0xFF, mask, Objects.requireNonNull(sid), new byte[0]);
    }

    public static Ace allowed(Sid sid, int mask, int flags) {
        return of(ACCESS_ALLOWED_ACE_TYPE, flags, mask, sid);
    }

    public static Ace denied(Sid sid, int mask, int flags) {
        return of(ACCESS_DENIED_ACE_TYPE, flags, mask, sid);
    }

    /** True for the types laid out as Mask + Sid (+ ApplicationData for callbacks). */
    public static boolean hasSid(int type) {
        return switch (type) {
            case ACCESS_ALLOWED_ACE_TYPE, ACCESS_DENIED_ACE_TYPE, SYSTEM_AUDIT_ACE_TYPE, SYSTEM_ALARM_ACE_TYPE,
                 ACCESS_ALLOWED_CALLBACK_ACE_TYPE, ACCESS_DENIED_CALLBACK_ACE_TYPE, SYSTEM_AUDIT_CALLBACK_ACE_TYPE,
                 SYSTEM_ALARM_CALLBACK_ACE_TYPE, SYSTEM_MANDATORY_LABEL_ACE_TYPE, SYSTEM_RESOURCE_ATTRIBUTE_ACE_TYPE,
                 SYSTEM_SCOPED_POLICY_ID_ACE_TYPE -> true;
            default -> false;
        };
    }

    /**
     * Decodes one ACE at {@code offset}, which must end by {@code limit}.
     *
     * @throws DtypFormatException (ACL) if AceSize is below the minimum, runs past {@code limit}, or the SID does
     *                             not fit inside AceSize
     */
    public static Ace decode(byte[] b, int offset, int limit) {
        if (offset < 0 || limit > b.length || limit - offset < HEADER + 4) {
            throw bad("ACE header truncated at " + offset);
        }
        int type = Bytes.u8(b, offset);
        int flags = Bytes.u8(b, offset + 1);
        int size = Bytes.u16(b, offset + 2);
        if (size < HEADER + 4 || size > limit - offset) {
            throw bad("AceSize " + size + " at " + offset + " outside the ACL");
        }
        int mask = Bytes.u32(b, offset + 4);
        int end = offset + size;
        if (hasSid(type)) {
            Sid sid;
            try {
                sid = Sid.decode(b, offset + 8, end);
            } catch (DtypFormatException e) {
                throw bad("ACE SID: " + e.getMessage());
            }
            int after = offset + 8 + sid.encodedLength();
            return new Ace(type, flags, mask, sid, Arrays.copyOfRange(b, after, end));
        }
        return new Ace(type, flags, mask, null, Arrays.copyOfRange(b, offset + 8, end));
    }

    /** AceSize: header, mask, SID, extra bytes, padded to 4. */
    public int encodedLength() {
        int n = HEADER + 4 + (sid == null ? 0 : sid.encodedLength()) + extra.length;
        return (n + 3) & ~3;
    }

    /** Writes the ACE at {@code offset}; returns the offset after it. */
    public int encodeInto(byte[] out, int offset) {
        int size = encodedLength();
        out[offset] = (byte) type;
        out[offset + 1] = (byte) flags;
        Bytes.putU16(out, offset + 2, size);
        Bytes.putU32(out, offset + 4, mask);
        int p = offset + 8;
        if (sid != null) {
            p = sid.encodeInto(out, p);
        }
        System.arraycopy(extra, 0, out, p, extra.length);
        Arrays.fill(out, p + extra.length, offset + size, (byte) 0);
        return offset + size;
    }

    public int type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public int mask() {
        return mask;
    }

    /** The trustee; null for the opaque (object, ...) types. */
    public Sid sid() {
        return sid;
    }

    /** ApplicationData (callback types) or the opaque body after Mask (other types). */
    public byte[] extra() {
        return extra.clone();
    }

    public boolean isInheritOnly() {
        return (flags & INHERIT_ONLY_ACE) != 0;
    }

    public boolean isInherited() {
        return (flags & INHERITED_ACE) != 0;
    }

    public Ace withFlags(int newFlags) {
        return new Ace(type, newFlags & 0xFF, mask, sid, extra);
    }

    public Ace withMask(int newMask) {
        return new Ace(type, flags, newMask, sid, extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ace a && a.type == type && a.flags == flags && a.mask == mask
                && Objects.equals(a.sid, sid) && Arrays.equals(a.extra, extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, mask, sid, Arrays.hashCode(extra));
    }

    @Override
    public String toString() {
        return "Ace[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", mask=0x"
                + Integer.toHexString(mask) + ", " + sid + (extra.length > 0 ? ", +" + extra.length + "B]" : "]");
    }

    private static DtypFormatException bad(String detail) {
        return new DtypFormatException(DtypFormatException.Kind.ACL, detail);
    }
}
