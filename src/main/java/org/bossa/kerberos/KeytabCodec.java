package org.bossa.kerberos;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIT keytab file format, version 0x0502 (big-endian), as MIT's keytab.txt describes it:
 * <pre>
 * file  = 0x05 0x02, entry*
 * entry = int32 size (negative: a hole of -size bytes), then size bytes:
 *         uint16 num_components, counted realm, num_components counted components,
 *         uint32 name_type, uint32 timestamp, uint8 vno8, uint16 enctype, counted key,
 *         [uint32 vno]  -- present when 4 bytes remain; when non-zero it overrides vno8
 * counted = uint16 length, bytes
 * </pre>
 * A size of zero ends the entries (space a writer reserved). Every length is checked against its
 * entry before it is read; a truncated or overlong entry is refused, never guessed at.
 */
public final class KeytabCodec {
    static final int VERSION = 0x0502;
    static final int MAX_COMPONENTS = 64;

    private KeytabCodec() {
    }

    public static Keytab read(byte[] file) throws KeytabFormatException {
        if (file.length < 2) {
            throw new KeytabFormatException("keytab of " + file.length + " bytes has no version");
        }
        int version = ((file[0] & 0xFF) << 8) | (file[1] & 0xFF);
        if (version != VERSION) {
            throw new KeytabFormatException("keytab version 0x" + Integer.toHexString(version)
                    + " (only 0x0502 is supported)");
        }
        List<KeytabEntry> entries = new ArrayList<>();
        int pos = 2;
        while (pos < file.length) {
            if (file.length - pos < 4) {
                throw new KeytabFormatException("truncated entry size at offset " + pos);
            }
            int size = ByteBuffer.wrap(file, pos, 4).getInt();
            pos += 4;
            if (size == 0) {
                break;
            }
            long span = Math.abs((long) size);
            if (span > file.length - pos) {
                throw new KeytabFormatException("entry at offset " + (pos - 4) + " claims " + span + " bytes, "
                        + (file.length - pos) + " remain");
            }
            if (size > 0) {
                entries.add(readEntry(ByteBuffer.wrap(file, pos, size).slice(), pos - 4));
            }
            pos += (int) span;
        }
        return new Keytab(entries);
    }

    private static KeytabEntry readEntry(ByteBuffer b, int at) throws KeytabFormatException {
        try {
            int n = b.getShort() & 0xFFFF;
            if (n == 0 || n > MAX_COMPONENTS) {
                throw new KeytabFormatException("entry at offset " + at + " has " + n + " name components");
            }
            String realm = counted(b, at, "realm");
            List<String> components = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                components.add(counted(b, at, "name component"));
            }
            int nameType = b.getInt();
            long timestamp = b.getInt() & 0xFFFFFFFFL;
            int vno8 = b.get() & 0xFF;
            int enctype = b.getShort() & 0xFFFF;
            int keyLength = b.getShort() & 0xFFFF;
            if (keyLength > b.remaining()) {
                throw new KeytabFormatException("entry at offset " + at + ": key of " + keyLength + " bytes, "
                        + b.remaining() + " remain");
            }
            byte[] key = new byte[keyLength];
            b.get(key);
            long kvno = vno8;
            if (b.remaining() >= 4) {
                long vno32 = b.getInt() & 0xFFFFFFFFL;
                if (vno32 != 0) {
                    kvno = vno32;
                }
            }
            if (realm.isEmpty() || components.stream().anyMatch(String::isEmpty)) {
                throw new KeytabFormatException("entry at offset " + at + " has an empty realm or name component");
            }
            return new KeytabEntry(new KerberosName(components, realm, nameType), Instant.ofEpochSecond(timestamp),
                    kvno, enctype, key);
        } catch (BufferUnderflowException e) {
            throw new KeytabFormatException("entry at offset " + at + " is shorter than its fields");
        }
    }

    private static String counted(ByteBuffer b, int at, String what) throws KeytabFormatException {
        int length = b.getShort() & 0xFFFF;
        if (length > b.remaining()) {
            throw new KeytabFormatException("entry at offset " + at + ": " + what + " of " + length + " bytes, "
                    + b.remaining() + " remain");
        }
        byte[] s = new byte[length];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    public static byte[] write(Keytab keytab) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION >>> 8);
        out.write(VERSION & 0xFF);
        for (KeytabEntry e : keytab.entries()) {
            byte[] entry = entry(e);
            out.writeBytes(ByteBuffer.allocate(4).putInt(entry.length).array());
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    private static byte[] entry(KeytabEntry e) {
        KerberosName p = e.principal();
        if (p.components().size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("too many name components in " + p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u16(p.components().size()));
        counted(out, p.realm().getBytes(StandardCharsets.UTF_8));
        for (String c : p.components()) {
            counted(out, c.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(p.nameType()).array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) Math.min(e.timestamp().getEpochSecond(), 0xFFFFFFFFL)).array());
        out.write((int) (e.kvno() & 0xFF));
        out.writeBytes(u16(e.enctype()));
        counted(out, e.key());
        // Always the 32-bit kvno too, as MIT writes it: AD kvnos pass 255 on busy accounts.
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) e.kvno()).array());
        return out.toByteArray();
    }

    private static void counted(ByteArrayOutputStream out, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("keytab field of " + value.length + " bytes");
        }
        out.writeBytes(u16(value.length));
        out.writeBytes(value);
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }
}
