package org.bossa.domain.locator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.bossa.text.LogSafe;

/**
 * A bounds-checked little-endian cursor over one NETLOGON_SAM_LOGON_RESPONSE_EX, with the name
 * decompression of MS-ADTS 6.3.7 (RFC 1035 4.1.4, offsets relative to the start of the
 * structure). Every read checks its range first; every failure is a {@link NetlogonFormatException}
 * naming the field and offset.
 *
 * <p>A compression pointer must point before the start of the fragment being read (the name's
 * first byte, or the previous pointer's target), so each hop goes strictly backwards and a chain
 * of pointers ends; the hop count is bounded as well. A label is at most 63 octets and a whole
 * name at most 255 octets in wire form (RFC 1035 2.3.4).
 */
final class NetlogonReader {
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 255;
    static final int MAX_HOPS = 16;

    private final byte[] buf;
    private int pos;

    NetlogonReader(byte[] buf) {
        this.buf = buf;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return buf.length - pos;
    }

    private void need(int n, String field) throws NetlogonFormatException {
        if (n > buf.length - pos) {
            throw new NetlogonFormatException(field + " at offset " + pos + ": needs " + n + " bytes, "
                    + (buf.length - pos) + " left");
        }
    }

    int u8(String field) throws NetlogonFormatException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws NetlogonFormatException {
        need(2, field);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int u32(String field) throws NetlogonFormatException {
        need(4, field);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String field) throws NetlogonFormatException {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads one compressed name; the cursor ends after its terminating zero or first pointer. */
    String name(String field) throws NetlogonFormatException {
        StringBuilder name = new StringBuilder();
        int at = pos;
        int fragmentStart = pos;
        int resumeAt = -1;
        int wireLength = 0;
        int hops = 0;
        while (true) {
            if (at >= buf.length) {
                throw new NetlogonFormatException(field + " at offset " + at + ": name runs past the end ("
                        + buf.length + " bytes)");
            }
            int len = buf[at] & 0xFF;
            switch (len & 0xC0) {
                case 0x00 -> {
                    wireLength += 1 + len;
                    if (wireLength > MAX_NAME) {
                        throw new NetlogonFormatException(field + " at offset " + at + ": name longer than "
                                + MAX_NAME + " octets");
                    }
                    if (len == 0) {
                        pos = resumeAt >= 0 ? resumeAt : at + 1;
                        return name.toString();
                    }
                    if (len > buf.length - at - 1) {
                        throw new NetlogonFormatException(field + " at offset " + at + ": label of " + len
                                + " octets runs past the end (" + buf.length + " bytes)");
                    }
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(utf8(at + 1, len, field));
                    at += 1 + len;
                }
                case 0xC0 -> {
                    if (at + 1 >= buf.length) {
                        throw new NetlogonFormatException(field + " at offset " + at
                                + ": compression pointer cut off");
                    }
                    int target = (len & 0x3F) << 8 | (buf[at + 1] & 0xFF);
                    if (target >= fragmentStart) {
                        throw new NetlogonFormatException(field + " at offset " + at + ": compression pointer to "
                                + target + " does not point before " + fragmentStart);
                    }
                    if (++hops > MAX_HOPS) {
                        throw new NetlogonFormatException(field + " at offset " + at + ": more than " + MAX_HOPS
                                + " compression pointers");
                    }
                    if (resumeAt < 0) {
                        resumeAt = at + 2;
                    }
                    fragmentStart = target;
                    at = target;
                }
                default -> throw new NetlogonFormatException(field + " at offset " + at + ": label type 0x"
                        + Integer.toHexString(len & 0xC0) + " is neither a length nor a pointer");
            }
        }
    }

    private String utf8(int off, int len, String field) throws NetlogonFormatException {
        String label;
        try {
            label = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NetlogonFormatException(field + " at offset " + off + ": label is not UTF-8");
        }
        // no DC's name has control or invisible characters; one that does would reach logs and reports
        if (label.codePoints().anyMatch(NetlogonReader::invisible)) {
            throw new NetlogonFormatException(field + " at offset " + off + ": label " + LogSafe.quote(label)
                    + " has a control or invisible character");
        }
        return label;
    }

    private static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
