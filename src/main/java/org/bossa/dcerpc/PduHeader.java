package org.bossa.dcerpc;

/**
 * The 16-byte common header of every connection-oriented PDU (C706 12.6.3.1, MS-RPCE 2.2.2.13):
 * rpc_vers (1) = 5, rpc_vers_minor (1) = 0 or 1, PTYPE (1), pfc_flags (1), packed_drep (4) =
 * 0x10 0 0 0 (little-endian integers, ASCII, IEEE floats), frag_length (2), auth_length (2),
 * call_id (4).
 */
public record PduHeader(PduType type, int flags, int fragLength, int authLength, int callId) {
    public static final int SIZE = 16;
    public static final int DREP_LE = 0x10;
    /** sec_trailer before an auth token (MS-RPCE 2.2.2.11). */
    public static final int SEC_TRAILER_SIZE = 8;

    /** Whether at least a header is present in {@code len} bytes; the frag_length is then at offset 8. */
    public static int peekFragLength(byte[] buf, int off) {
        return (buf[off + 8] & 0xFF) | (buf[off + 9] & 0xFF) << 8;
    }

    /**
     * Decodes and validates the header of the PDU in {@code buf[off, off+available)}: version,
     * data representation, a known PTYPE, frag_length within [16, available], and an auth_length
     * that leaves room for the header and the sec_trailer.
     */
    public static PduHeader decode(byte[] buf, int off, int available) throws PduFormatException {
        if (available < SIZE) {
            throw new PduFormatException("PDU of " + available + " bytes is shorter than its header");
        }
        int vers = buf[off] & 0xFF;
        int minor = buf[off + 1] & 0xFF;
        if (vers != 5 || minor > 1) {
            throw new PduFormatException("rpc version " + vers + "." + minor);
        }
        int ptype = buf[off + 2] & 0xFF;
        PduType type = PduType.fromCode(ptype);
        if (type == null) {
            throw new PduFormatException("unknown PTYPE " + ptype);
        }
        int flags = buf[off + 3] & 0xFF;
        if ((buf[off + 4] & 0xFF) != DREP_LE || buf[off + 5] != 0) {
            throw new PduFormatException(String.format("unsupported data representation %02x %02x", buf[off + 4], buf[off + 5]));
        }
        NdrReader r = new NdrReader(buf, off + 8, 8);
        int fragLength = r.rawU16();
        int authLength = r.rawU16();
        int callId = r.rawU32();
        if (fragLength < SIZE || fragLength > available) {
            throw new PduFormatException("frag_length " + fragLength + " with " + available + " bytes present");
        }
        if (authLength > 0 && SIZE + SEC_TRAILER_SIZE + authLength > fragLength) {
            throw new PduFormatException("auth_length " + authLength + " does not fit frag_length " + fragLength);
        }
        return new PduHeader(type, flags, fragLength, authLength, callId);
    }

    /** Reads the call_id of a PDU whose header is otherwise bad, 0 when too short. */
    public static int peekCallId(byte[] buf, int off, int available) {
        return available >= SIZE ? new NdrReader(buf, off + 12, 4).rawU32() : 0;
    }

    /** Start of the auth verifier (sec_trailer) or the end of the body when there is none. */
    public int bodyEnd() {
        return authLength == 0 ? fragLength : fragLength - authLength - SEC_TRAILER_SIZE;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Writes a header with frag_length 0; {@link #finish(NdrWriter)} fills it in. */
    public static void begin(NdrWriter w, PduType type, int flags, int callId) {
        w.u8(5).u8(0).u8(type.code()).u8(flags);
        w.u8(DREP_LE).u8(0).u8(0).u8(0);
        w.rawU16(0).rawU16(0).rawU32(callId);
    }

    /** Sets frag_length to the bytes written and returns the PDU. */
    public static byte[] finish(NdrWriter w) {
        int len = w.position();
        if (len > 0xFFFF) {
            throw new IllegalStateException("PDU of " + len + " bytes exceeds frag_length");
        }
        w.putU16(8, len);
        return w.toByteArray();
    }

    /**
     * As {@link #finish(NdrWriter)}, also setting auth_length, which counts the auth_value only (the
     * bytes after the 8-byte sec_trailer).
     */
    public static byte[] finish(NdrWriter w, int authLength) {
        if (authLength < 0 || authLength > 0xFFFF) {
            throw new IllegalArgumentException("auth_length " + authLength);
        }
        w.putU16(10, authLength);
        return finish(w);
    }
}
