package org.bossa.it.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logon audit line of a member's log (logger {@code bossa.audit}), as the server writes it for
 * every logon attempt, NTLM or Kerberos:
 *
 * <pre>
 * logon result=success mechanism=kerberos user="EXAMPLE\\alice" sid=S-1-5-21-...-1103 groups=6 client=127.0.0.1 reason=""
 * logon result=failure mechanism=kerberos user="" sid=- groups=0 client=... status=NT_STATUS_LOGON_FAILURE reason="..."
 * </pre>
 *
 * <p>Fields are {@code key=value}; a quoted value is unescaped as {@code LogSafe.quote} escaped it
 * ({@code \\} and {@code \"}; other escapes are kept as written). The keys keep their order, so a
 * test can check the line's shape as well as its values.
 *
 * @param fields the fields in the order the line gives them, values unquoted
 * @param line   the whole log line, for assertion messages
 */
record AuditLine(Map<String, String> fields, String line) {

    /** The marker that starts the audit part of a line, after the logging framework's prefix. */
    private static final String MARKER = " logon result=";
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    /** Every audit line of {@code log}, oldest first. */
    static List<AuditLine> all(String log) {
        List<AuditLine> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            int at = line.indexOf(MARKER);
            if (at >= 0) {
                lines.add(parse(line, at + " logon ".length()));
            }
        }
        return lines;
    }

    /** The audit lines of {@code log} for one mechanism ({@code kerberos}, {@code ntlm}). */
    static List<AuditLine> of(String log, String mechanism) {
        return all(log).stream().filter(a -> mechanism.equals(a.get("mechanism"))).toList();
    }

    private static AuditLine parse(String line, int from) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        int at = from;
        while (at < line.length() && m.find(at) && m.start() == at) {
            fields.put(m.group(1), unquote(m.group(2)));
            at = m.end();
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
        return new AuditLine(fields, line);
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"")) {
            return value;
        }
        String inner = value.substring(1, value.length() - 1);
        StringBuilder b = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && (inner.charAt(i + 1) == '\\' || inner.charAt(i + 1) == '"')) {
                b.append(inner.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    String get(String key) {
        return fields.get(key);
    }

    /** The keys in the order the line gives them. */
    List<String> keys() {
        return List.copyOf(fields.keySet());
    }

    boolean succeeded() {
        return "success".equals(get("result"));
    }

    int groups() {
        return Integer.parseInt(get("groups"));
    }

    @Override
    public String toString() {
        return line;
    }
}
