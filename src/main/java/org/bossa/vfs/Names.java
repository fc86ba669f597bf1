package org.bossa.vfs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bossa.smb2.wire.NtStatus;

/** Validation of the path components a client sends. */
public final class Names {

    /** The longest component Linux accepts, in bytes of UTF-8 (NAME_MAX). */
    public static final int NAME_MAX = 255;

    private Names() {}

    /**
     * Checks one component of a client path: not empty, not "." or "..", no separator, no NUL, no
     * character Windows forbids in names ({@code \ / : * ? " < > |} and 0x01-0x1F), at most
     * {@link #NAME_MAX} bytes of UTF-8.
     *
     * @throws VfsException OBJECT_NAME_INVALID
     */
    public static void checkComponent(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw invalid(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20) {
                throw invalid(name);
            }
            switch (c) {
                case '\\', '/', ':', '*', '?', '"', '<', '>', '|' -> throw invalid(name);
                default -> { }
            }
        }
        if (name.length() > NAME_MAX / 3 && name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            throw invalid(name);
        }
    }

    /** Checks every component. */
    public static void checkComponents(List<String> components) {
        for (String c : components) {
            checkComponent(c);
        }
    }

    /**
     * Checks a single on-disk name relative to a directory handle: not empty, not "." or "..", no
     * '/' and no NUL. Looser than {@link #checkComponent} because names already on disk may use
     * characters Windows forbids.
     */
    public static void checkLocalName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw invalid(name);
        }
    }

    static VfsException invalid(String name) {
        return new VfsException(NtStatus.OBJECT_NAME_INVALID, "invalid name: " + printable(name));
    }

    private static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(name.length() + 2).append('"');
        name.codePoints().forEach(cp -> {
            if (cp < 0x20) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
