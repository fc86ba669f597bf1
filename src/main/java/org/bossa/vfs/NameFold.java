package org.bossa.vfs;

/**
 * The one place where Bossa compares file names the way Windows does: ordinal, ignoring case.
 *
 * <p>Folding is {@link Character#toUpperCase(int)} per code point, which is close to the NTFS
 * upcase table for the characters clients use in practice. No Unicode normalisation is applied:
 * names are compared code point by code point, as NTFS does.
 */
public final class NameFold {

    private NameFold() {}

    /** True when {@code a} and {@code b} name the same file under Windows case rules. */
    public static boolean equalsIgnoreCase(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb && Character.toUpperCase(ca) != Character.toUpperCase(cb)) {
                return false;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i == a.length() && j == b.length();
    }

    /** The folded form of {@code name}; two names are equal ignoring case iff their folded forms are equal. */
    public static String fold(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> sb.appendCodePoint(Character.toUpperCase(cp)));
        return sb.toString();
    }
}
