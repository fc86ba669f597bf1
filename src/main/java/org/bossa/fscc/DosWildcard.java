package org.bossa.fscc;

/**
 * The search pattern of QUERY_DIRECTORY, matched as [MS-FSA] 2.1.4.4 (FsRtlIsNameInExpression) does, with the
 * wildcards of [MS-FSCC] 2.1.4.3:
 * <ul>
 * <li>{@code *} matches zero or more characters;</li>
 * <li>{@code ?} matches exactly one character;</li>
 * <li>{@code <} DOS_STAR matches zero or more characters up to, not including, the final '.' of the name;</li>
 * <li>{@code >} DOS_QM matches any one character except '.'; at a '.' or at the end of the name it matches
 *     nothing, so a run of DOS_QMs matches "up to that many" characters;</li>
 * <li>{@code "} DOS_DOT matches a '.' or, at the end of the name, nothing.</li>
 * </ul>
 * Comparison is case-insensitive by ordinal upper-casing of UTF-16 code units. "*", "*.*" and the empty
 * pattern match every name (Windows and Samba treat them so).
 * <p>
 * The matcher simulates the pattern as a nondeterministic automaton with one state per pattern position, so any
 * pattern runs in O(name length x pattern length) time and O(pattern length) space: no regex, no backtracking.
 */
public final class DosWildcard {
    public static final char DOS_STAR = '<';
    public static final char DOS_QM = '>';
    public static final char DOS_DOT = '"';

    private final String pattern;
    private final char[] upper;
    private final boolean matchAll;
    private final boolean hasWildcards;

    private DosWildcard(String pattern) {
        this.pattern = pattern;
        this.upper = new char[pattern.length()];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = Character.toUpperCase(pattern.charAt(i));
        }
        this.matchAll = pattern.isEmpty() || pattern.equals("*") || pattern.equals("*.*");
        this.hasWildcards = containsWildcards(pattern);
    }

    /** Compiles {@code pattern} (never null; "" means match everything). */
    public static DosWildcard compile(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("null pattern");
        }
        return new DosWildcard(pattern);
    }

    /** True if {@code s} contains any of the five wildcard characters. */
    public static boolean containsWildcards(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == DOS_STAR || c == DOS_QM || c == DOS_DOT) {
                return true;
            }
        }
        return false;
    }

    /** One-shot match. */
    public static boolean matches(String pattern, String name) {
        return compile(pattern).matches(name);
    }

    public String pattern() {
        return pattern;
    }

    /** True if the pattern matches every name. */
    public boolean matchesAll() {
        return matchAll;
    }

    /** True if the pattern has no wildcard: a lookup of one name, not an enumeration. */
    public boolean isLiteral() {
        return !hasWildcards;
    }

    public boolean matches(String name) {
        if (matchAll) {
            return true;
        }
        int m = upper.length;
        int n = name.length();
        int lastDot = name.lastIndexOf('.');
        boolean[] cur = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        cur[0] = true;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            closure(cur, c == '.', false);
            char uc = Character.toUpperCase(c);
            boolean any = false;
            java.util.Arrays.fill(next, false);
            for (int p = 0; p < m; p++) {
                if (!cur[p]) {
                    continue;
                }
                char pc = upper[p];
                switch (pc) {
                    case '*' -> next[p] = true;
                    case '?' -> next[p + 1] = true;
                    case DOS_STAR -> {
                        if (c != '.' || i != lastDot) {
                            next[p] = true;
                        }
                    }
                    case DOS_QM -> {
                        if (c != '.') {
                            next[p + 1] = true;
                        }
                    }
                    case DOS_DOT -> {
                        if (c == '.') {
                            next[p + 1] = true;
                        }
                    }
                    default -> {
                        if (pc == uc) {
                            next[p + 1] = true;
                        }
                    }
                }
            }
            for (int p = 0; p <= m && !any; p++) {
                any = next[p];
            }
            if (!any) {
                return false;
            }
            boolean[] t = cur;
            cur = next;
            next = t;
        }
        closure(cur, false, true);
        return cur[m];
    }

    /** Follows the zero-width moves forward, in pattern order (they only ever advance). */
    private void closure(boolean[] states, boolean atDot, boolean atEnd) {
        for (int p = 0; p < upper.length; p++) {
            if (!states[p]) {
                continue;
            }
            char pc = upper[p];
            boolean epsilon = switch (pc) {
                case '*', DOS_STAR -> true;
                case DOS_QM -> atDot || atEnd;
                case DOS_DOT -> atEnd;
                default -> false;
            };
            if (epsilon) {
                states[p + 1] = true;
            }
        }
    }

    @Override
    public String toString() {
        return "DosWildcard[" + pattern + "]";
    }
}
