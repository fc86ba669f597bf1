package org.bossa.rpc.netlogon.ndr;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dtyp.Sid;

/**
 * NDR pieces the Netlogon calls share (MS-NRPC 2.2.1, Samba librpc/idl/netlogon.idl, lsa.idl,
 * security.idl), built on the dcerpc {@link NdrWriter} and {@link NdrReader} primitives.
 *
 * <p>Alignment facts the vectors confirm: a NETLOGON_CREDENTIAL (8 bytes) has alignment 1, so it
 * follows a string without padding; a NETLOGON_AUTHENTICATOR has alignment 4 (its time stamp); the
 * OLD_LARGE_INTEGER times and the 64-bit Reserved of NETLOGON_LOGON_IDENTITY_INFO are two 32-bit
 * halves with alignment 4 (pidl NTTIME and udlong), never 8.
 */
final class NetlogonNdr {
    static final int CREDENTIAL_SIZE = 8;
    /** A SID has at most 15 sub-authorities (MS-DTYP 2.4.2). */
    private static final int MAX_SUB_AUTHORITIES = Sid.MAX_SUB_AUTHORITIES;

    private NetlogonNdr() {
    }

    // ---------------------------------------------------------------- writing

    /** A top-level {@code [in,string] wchar_t*} ([ref]): the conformant varying string inline. */
    static void refString(NdrWriter w, String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        w.conformantVaryingString(s);
    }

    /** A top-level {@code [in,unique,string] wchar_t*}: a referent id (0 for null), then the string. */
    static void uniqueString(NdrWriter w, String s) {
        w.stringPointer(s);
        w.flushDeferred();
    }

    /**
     * The scalars of an RPC_UNICODE_STRING (MS-DTYP 2.3.10; Samba lsa_String): Length and
     * MaximumLength in bytes without a terminator, then a pointer whose buffer (a conformant varying
     * array of Length/2 characters) is deferred. Null writes a null pointer, "" an empty buffer.
     */
    static void unicodeString(NdrWriter w, String s) {
        byte[] chars = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_16LE);
        if (chars.length > 0xFFFF) {
            throw new IllegalArgumentException("string longer than 32767 characters");
        }
        w.u16(chars.length);
        w.u16(chars.length);
        w.uniquePointer(s != null, d -> {
            d.u32(chars.length / 2);
            d.u32(0);
            d.u32(chars.length / 2);
            d.bytes(chars);
        });
    }

    /** A 64-bit value as two 32-bit halves, alignment 4 (pidl udlong, OLD_LARGE_INTEGER). */
    static void udlong(NdrWriter w, long v) {
        w.u32((int) v);
        w.u32((int) (v >>> 32));
    }

    /** A NETLOGON_CREDENTIAL: 8 bytes, alignment 1. */
    static void credential(NdrWriter w, byte[] credential, String what) {
        w.bytes(checkCredential(credential, what));
    }

    static void authenticator(NdrWriter w, Authenticator a) {
        w.align(4);
        w.bytes(a.credential());
        w.u32(a.timestamp());
    }

    static byte[] checkCredential(byte[] credential, String what) {
        if (credential == null || credential.length != CREDENTIAL_SIZE) {
            throw new IllegalArgumentException(what + " must be 8 bytes");
        }
        return credential;
    }

    // ---------------------------------------------------------------- reading

    static byte[] credential(NdrReader r) {
        return r.bytes(CREDENTIAL_SIZE);
    }

    static Authenticator authenticator(NdrReader r) {
        r.align(4);
        byte[] credential = r.bytes(CREDENTIAL_SIZE);
        return new Authenticator(credential, r.u32());
    }

    static long udlong(NdrReader r) {
        long lo = Integer.toUnsignedLong(r.u32());
        long hi = Integer.toUnsignedLong(r.u32());
        return lo | hi << 32;
    }

    /**
     * Reads the scalars of an RPC_UNICODE_STRING and defers its buffer; {@code sink} gets the text
     * ("" for a null buffer) when the deferred pointees are read. As pidl checks, the buffer's
     * max_count must be MaximumLength/2 and its actual_count Length/2, with offset 0.
     */
    static void unicodeString(NdrReader r, Consumer<String> sink) {
        int length = r.u16();
        int size = r.u16();
        if (length > size) {
            throw new NdrException("string Length " + length + " > MaximumLength " + size);
        }
        boolean present = r.uniquePointer(d -> {
            long max = Integer.toUnsignedLong(d.u32());
            long offset = Integer.toUnsignedLong(d.u32());
            long actual = Integer.toUnsignedLong(d.u32());
            if (max != size / 2 || offset != 0 || actual != length / 2) {
                throw new NdrException("string buffer counts " + max + "/" + offset + "/" + actual
                        + " do not match lengths " + length + "/" + size);
            }
            byte[] chars = d.bytes((int) actual * 2);
            sink.accept(new String(chars, StandardCharsets.UTF_16LE));
        });
        if (!present) {
            sink.accept("");
        }
    }

    /**
     * A dom_sid2 (a SID as a conformant structure): max_count = SubAuthorityCount, then Revision,
     * SubAuthorityCount, the 6-byte big-endian IdentifierAuthority and the sub-authorities.
     */
    static Sid sid2(NdrReader r) {
        long conformance = Integer.toUnsignedLong(r.u32());
        int revision = r.u8();
        int count = r.u8();
        if (revision != Sid.REVISION) {
            throw new NdrException("SID revision " + revision);
        }
        if (count > MAX_SUB_AUTHORITIES || conformance != count) {
            throw new NdrException("SID sub-authority count " + count + ", conformance " + conformance);
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | r.u8();
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            subs[i] = r.u32();
        }
        return Sid.of(authority, subs);
    }

    /** A response stub must be consumed exactly: trailing bytes mean we misread it. */
    static void end(NdrReader r) {
        if (r.remaining() != 0) {
            throw new NdrException(r.remaining() + " bytes after the last parameter");
        }
    }

    /** The union discriminant of an [out] union must be the level the request named. */
    static void expectLevel(long got, long expected, String what) {
        if (got != expected) {
            throw new NdrException(what + " level " + got + ", requested " + expected);
        }
    }
}
