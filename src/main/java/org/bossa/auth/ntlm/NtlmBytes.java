package org.bossa.auth.ntlm;

import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Little-endian reading and writing shared by the NTLMSSP messages. Every read is bounds-checked. */
final class NtlmBytes {
    private NtlmBytes() {
    }

    static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
    /** Largest NTLMSSP message accepted (Samba refuses anything over UINT16_MAX too). */
    static final int MAX_MESSAGE = 0xFFFF;
    static final byte[] EMPTY = new byte[0];

    static int u16(byte[] b, int off) throws NtlmDecodingException {
        need(b, off, 2);
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int off) throws NtlmDecodingException {
        need(b, off, 4);
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static long u64(byte[] b, int off) throws NtlmDecodingException {
        return (u32(b, off) & 0xFFFFFFFFL) | (long) u32(b, off + 4) << 32;
    }

    static byte[] slice(byte[] b, int off, int len) throws NtlmDecodingException {
        need(b, off, len);
        return Arrays.copyOfRange(b, off, off + len);
    }

    static void need(byte[] b, int off, int len) throws NtlmDecodingException {
        if (off < 0 || len < 0 || off > b.length || b.length - off < len) {
            throw new NtlmDecodingException("need " + len + " bytes at " + off + ", have " + b.length);
        }
    }

    /** Checks the 8-byte signature and the MessageType; returns nothing, throws on a mismatch. */
    static void checkHeader(byte[] msg, int type, int minLength) throws NtlmDecodingException {
        if (msg.length > MAX_MESSAGE) {
            throw new NtlmDecodingException("message of " + msg.length + " bytes is too long");
        }
        if (msg.length < minLength) {
            throw new NtlmDecodingException("message of " + msg.length + " bytes is shorter than " + minLength);
        }
        if (!Arrays.equals(msg, 0, 8, SIGNATURE, 0, 8)) {
            throw new NtlmDecodingException("no NTLMSSP signature");
        }
        int actual = u32(msg, 8);
        if (actual != type) {
            throw new NtlmDecodingException("MessageType " + actual + ", expected " + type);
        }
    }

    /**
     * Reads a payload field descriptor (Len, MaxLen, BufferOffset) at {@code fieldsAt} and returns the bytes it
     * names. An empty field's offset is not looked at; a non-empty one must lie inside the payload, past the
     * fixed header {@code headerEnd}.
     */
    static byte[] field(byte[] msg, int fieldsAt, int headerEnd) throws NtlmDecodingException {
        int len = u16(msg, fieldsAt);
        long offset = u32(msg, fieldsAt + 4) & 0xFFFFFFFFL;
        if (len == 0) {
            return EMPTY;
        }
        if (offset < headerEnd || offset + len > msg.length) {
            throw new NtlmDecodingException("field at " + fieldsAt + " points outside the payload: offset "
                    + offset + " length " + len + " in " + msg.length + " bytes");
        }
        return Arrays.copyOfRange(msg, (int) offset, (int) offset + len);
    }

    /** The offset of a non-empty field, or Integer.MAX_VALUE for an empty one. */
    static int fieldOffset(byte[] msg, int fieldsAt) throws NtlmDecodingException {
        return u16(msg, fieldsAt) == 0 ? Integer.MAX_VALUE : u32(msg, fieldsAt + 4);
    }

    static String string(byte[] raw, boolean unicode) throws NtlmDecodingException {
        if (!unicode) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        if (raw.length % 2 != 0) {
            throw new NtlmDecodingException("odd length " + raw.length + " for a UTF-16 string");
        }
        return decodeStrict(raw, StandardCharsets.UTF_16LE);
    }

    static String decodeStrict(byte[] raw, Charset cs) throws NtlmDecodingException {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new NtlmDecodingException("string is not valid " + cs);
        }
    }

    static byte[] encodeString(String s, boolean unicode) {
        return s.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int off, int v) {
        put16(b, off, v);
        put16(b, off + 2, v >>> 16);
    }

    static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) v);
        put32(b, off + 4, (int) (v >>> 32));
    }

    /** Lays out a message: a fixed header of {@code headerSize} bytes, then the payload fields in order. */
    static final class Builder {
        private final byte[] header;
        private final java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();

        Builder(int type, int headerSize) {
            header = new byte[headerSize];
            System.arraycopy(SIGNATURE, 0, header, 0, 8);
            put32(header, 8, type);
        }

        Builder field(int fieldsAt, byte[] data) {
            int offset = header.length + payload.size();
            put16(header, fieldsAt, data.length);
            put16(header, fieldsAt + 2, data.length);
            put32(header, fieldsAt + 4, offset);
            payload.writeBytes(data);
            return this;
        }

        Builder put32At(int off, int v) {
            put32(header, off, v);
            return this;
        }

        Builder bytesAt(int off, byte[] data) {
            System.arraycopy(data, 0, header, off, data.length);
            return this;
        }

        byte[] build() {
            byte[] out = Arrays.copyOf(header, header.length + payload.size());
            byte[] p = payload.toByteArray();
            System.arraycopy(p, 0, out, header.length, p.length);
            return out;
        }
    }
}
