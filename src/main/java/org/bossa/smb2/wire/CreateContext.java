package org.bossa.smb2.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SMB2_CREATE_CONTEXT (MS-SMB2 2.2.13.2 request values, 2.2.14.2 response values).
 *
 * <p>Most names are four ASCII characters ("MxAc", "RqLs" ...); a few are 16-byte GUIDs. The name is held
 * as ISO-8859-1 text, one char per byte, so every name round-trips exactly.
 *
 * @param name the Buffer bytes named by NameOffset (2 bytes) / NameLength (2 bytes)
 * @param data the Buffer bytes named by DataOffset (2 bytes) / DataLength (4 bytes)
 */
public record CreateContext(String name, byte[] data) {
    public CreateContext {
        if (name.isEmpty() || name.length() > 0xFFFF) {
            throw new IllegalArgumentException("create context name length " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("create context name is not one byte per char");
            }
        }
        data = data.clone();
    }

    /** A context whose name is given as bytes (GUID-named contexts). */
    public static CreateContext of(byte[] name, byte[] data) {
        return new CreateContext(new String(name, StandardCharsets.ISO_8859_1), data);
    }

    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data length without copying. */
    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateContext c && c.name.equals(name) && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        boolean printable = name.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F);
        String n = printable ? name : HexFormat.of().formatHex(nameBytes());
        return "CreateContext[" + n + ", " + data.length + " bytes]";
    }
}
