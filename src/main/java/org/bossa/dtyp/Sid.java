package org.bossa.dtyp;

import java.util.Arrays;

/**
 * A security identifier, [MS-DTYP] 2.4.2: Revision 1, SubAuthorityCount 1 (at most 15),
 * IdentifierAuthority 6 (big-endian), SubAuthority 4 each (little-endian). String form 2.4.2.1:
 * {@code S-1-<authority>-<sub1>-...}, the authority in decimal below 2^32 and as {@code 0x} hex otherwise.
 * Immutable.
 */
public final class Sid {
    public static final int MAX_SUB_AUTHORITIES = 15;
    public static final int REVISION = 1;

    public static final Sid NULL = parse("S-1-0-0");
    /** Everyone (World). */
    public static final Sid EVERYONE = parse("S-1-1-0");
    public static final Sid CREATOR_OWNER = parse("S-1-3-0");
    public static final Sid CREATOR_GROUP = parse("S-1-3-1");
    public static final Sid NT_AUTHORITY = parse("S-1-5");
    public static final Sid NETWORK = parse("S-1-5-2");
    public static final Sid ANONYMOUS = parse("S-1-5-7");
    public static final Sid AUTHENTICATED_USERS = parse("S-1-5-11");
    /** NT AUTHORITY\SYSTEM (LocalSystem). */
    public static final Sid LOCAL_SYSTEM = parse("S-1-5-18");
    public static final Sid BUILTIN = parse("S-1-5-32");
    public static final Sid BUILTIN_ADMINISTRATORS = parse("S-1-5-32-544");
    public static final Sid BUILTIN_USERS = parse("S-1-5-32-545");
    public static final Sid BUILTIN_GUESTS = parse("S-1-5-32-546");
    /** Samba's domain for Unix users without a mapping: S-1-22-1-uid. */
    public static final Sid UNIX_USERS = parse("S-1-22-1");
    /** Samba's domain for Unix groups without a mapping: S-1-22-2-gid. */
    public static final Sid UNIX_GROUPS = parse("S-1-22-2");

    private final long authority;
    private final int[] subAuthorities;

    private Sid(long authority, int[] subAuthorities) {
        this.authority = authority;
        this.subAuthorities = subAuthorities;
    }

    /**
     * @param authority      IdentifierAuthority, 0 .. 2^48-1
     * @param subAuthorities at most 15, each an unsigned 32-bit value held in an int
     */
    public static Sid of(long authority, int... subAuthorities) {
        if (authority < 0 || authority >= 1L << 48) {
            throw new IllegalArgumentException("IdentifierAuthority out of 48-bit range: " + authority);
        }
        if (subAuthorities.length > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("more than 15 sub-authorities");
        }
        return new Sid(authority, subAuthorities.clone());
    }

    /** Parses the string form; "S" may be lower case. */
    public static Sid parse(String s) {
        if (s == null || s.length() < 5 || (s.charAt(0) != 'S' && s.charAt(0) != 's') || s.charAt(1) != '-') {
            throw bad("not a SID string: " + s);
        }
        String[] parts = s.substring(2).split("-", -1);
        if (parts.length < 2 || parts.length > 2 + MAX_SUB_AUTHORITIES) {
            throw bad("wrong number of SID components: " + s);
        }
        if (!parts[0].equals("1")) {
            throw bad("SID revision must be 1: " + s);
        }
        long authority;
        String a = parts[1];
        if (a.startsWith("0x") || a.startsWith("0X")) {
            authority = number(a.substring(2), 16, 12, (1L << 48) - 1, s);
        } else {
            authority = number(a, 10, 10, 0xFFFFFFFFL, s);
        }
        int[] subs = new int[parts.length - 2];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = (int) number(parts[i + 2], 10, 10, 0xFFFFFFFFL, s);
        }
        return new Sid(authority, subs);
    }

    private static long number(String digits, int radix, int maxDigits, long max, String whole) {
        if (digits.isEmpty() || digits.length() > maxDigits) {
            throw bad("bad SID component in " + whole);
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                throw bad("bad SID component in " + whole);
            }
            v = v * radix + d;
        }
        if (v > max) {
            throw bad("SID component out of range in " + whole);
        }
        return v;
    }

    /** Decodes the binary SID starting at {@code offset}, reading no further than {@code limit} (exclusive). */
    public static Sid decode(byte[] b, int offset, int limit) {
        if (limit > b.length || offset < 0 || offset > limit) {
            throw bad("SID outside buffer");
        }
        if (limit - offset < 8) {
            throw bad("SID shorter than 8 bytes");
        }
        int revision = Bytes.u8(b, offset);
        int count = Bytes.u8(b, offset + 1);
        if (revision != REVISION) {
            throw bad("SID revision " + revision);
        }
        if (count > MAX_SUB_AUTHORITIES) {
            throw bad("SubAuthorityCount " + count + " > 15");
        }
        if (limit - offset < 8 + 4 * count) {
            throw bad("SID with " + count + " sub-authorities truncated");
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | Bytes.u8(b, offset + 2 + i);
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            subs[i] = Bytes.u32(b, offset + 8 + 4 * i);
        }
        return new Sid(authority, subs);
    }

    /** Decodes a buffer holding exactly one SID (trailing bytes are an error). */
    public static Sid decode(byte[] b) {
        Sid sid = decode(b, 0, b.length);
        if (sid.encodedLength() != b.length) {
            throw bad("trailing bytes after SID");
        }
        return sid;
    }

    public int encodedLength() {
        return 8 + 4 * subAuthorities.length;
    }

    /** Writes the binary form at {@code offset}; returns the offset after it. */
    public int encodeInto(byte[] out, int offset) {
        out[offset] = REVISION;
        out[offset + 1] = (byte) subAuthorities.length;
        for (int i = 0; i < 6; i++) {
            out[offset + 2 + i] = (byte) (authority >>> (8 * (5 - i)));
        }
        for (int i = 0; i < subAuthorities.length; i++) {
            Bytes.putU32(out, offset + 8 + 4 * i, subAuthorities[i]);
        }
        return offset + encodedLength();
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        encodeInto(out, 0);
        return out;
    }

    public long identifierAuthority() {
        return authority;
    }

    public int subAuthorityCount() {
        return subAuthorities.length;
    }

    /** The i-th sub-authority as an unsigned value. */
    public long subAuthority(int i) {
        return Integer.toUnsignedLong(subAuthorities[i]);
    }

    /** The last sub-authority (the RID of an account SID). */
    public long rid() {
        if (subAuthorities.length == 0) {
            throw new IllegalStateException("SID has no sub-authorities");
        }
        return subAuthority(subAuthorities.length - 1);
    }

    /** This SID with {@code rid} appended (domain SID + RID = account SID). */
    public Sid withRid(long rid) {
        if (rid < 0 || rid > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("RID out of 32-bit range: " + rid);
        }
        if (subAuthorities.length == MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("SID already has 15 sub-authorities");
        }
        int[] subs = Arrays.copyOf(subAuthorities, subAuthorities.length + 1);
        subs[subAuthorities.length] = (int) rid;
        return new Sid(authority, subs);
    }

    /** This SID without its last sub-authority (the domain of an account SID). */
    public Sid domain() {
        if (subAuthorities.length == 0) {
            throw new IllegalStateException("SID has no sub-authorities");
        }
        return new Sid(authority, Arrays.copyOf(subAuthorities, subAuthorities.length - 1));
    }

    /** True if {@code domain} is this SID minus exactly its last sub-authority. */
    public boolean isInDomain(Sid domain) {
        return subAuthorities.length == domain.subAuthorities.length + 1 && domain().equals(domain);
    }

    public static Sid unixUser(long uid) {
        return UNIX_USERS.withRid(uid);
    }

    public static Sid unixGroup(long gid) {
        return UNIX_GROUPS.withRid(gid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid s && s.authority == authority && Arrays.equals(s.subAuthorities, subAuthorities);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(16 + 11 * subAuthorities.length).append("S-1-");
        if (authority >= 1L << 32) {
            sb.append(String.format("0x%012X", authority));
        } else {
            sb.append(authority);
        }
        for (int sub : subAuthorities) {
            sb.append('-').append(Integer.toUnsignedString(sub));
        }
        return sb.toString();
    }

    private static DtypFormatException bad(String detail) {
        return new DtypFormatException(DtypFormatException.Kind.SID, detail);
    }
}
