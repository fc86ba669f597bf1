package org.bossa.text;

/**
 * Makes a string that came from the network (a user, domain, workstation or share name from a
 * client, a host name from a DC's CLDAP or DNS answer) safe to put in a log line: it is quoted,
 * and everything that could forge a line, a field or a terminal control sequence is escaped, so a
 * name like {@code "alice\n2025-01-01 INFO logon of admin"} stays on one visibly odd line.
 *
 * <p>Escapes: {@code \\} and {@code \"}; {@code \n}, {@code \r}, {@code \t}; other C0 and C1
 * controls and DEL as {@code \xNN}; format characters (bidirectional overrides, zero-width joiners),
 * line and paragraph separators, unpaired surrogates, private-use and unassigned code points as
 * {@code \}{@code uNNNN}. Letters of every script are kept as they are. Longer strings are cut at
 * {@link #MAX_CHARS} characters, with a note of how many were left off.
 */
public final class LogSafe {
    /** The most characters of the value shown; a name longer than this is cut. */
    public static final int MAX_CHARS = 256;

    private LogSafe() {
    }

    /** {@code s} quoted and escaped, or {@code (null)}. */
    public static String quote(CharSequence s) {
        if (s == null) {
            return "(null)";
        }
        int n = s.length();
        int shown = Math.min(n, MAX_CHARS);
        if (shown < n && Character.isHighSurrogate(s.charAt(shown - 1))) {
            shown--; // never cut a surrogate pair in half
        }
        StringBuilder b = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < shown && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (printable(cp)) {
                    b.append(c).append(s.charAt(i + 1));
                } else {
                    b.append(String.format("\\u%04x\\u%04x", (int) c, (int) s.charAt(i + 1)));
                }
                i++;
                continue;
            }
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else if (!printable(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
        if (shown < n) {
            b.append("...(").append(n - shown).append(" more chars)");
        }
        return b.toString();
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
