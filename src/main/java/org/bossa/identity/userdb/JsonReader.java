package org.bossa.identity.userdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON text (RFC 8259) into plain Java values: {@link Map} (insertion-ordered) for objects,
 * {@link List} for arrays, {@link String}, {@link Long} for integers that fit, {@link Double} for
 * other numbers, {@link Boolean}, and {@link #NULL} for {@code null} (so a present-but-null member
 * is distinguishable from an absent one). It exists because no JSON library is on the compile
 * classpath and varlink needs only this much.
 *
 * <p>Wire input: nesting is capped at {@link #MAX_DEPTH}, a repeated object member is an error
 * (a second "service" must not silently win), and anything malformed is a {@link JsonException},
 * never an unchecked exception.
 */
public final class JsonReader {
    /** The deepest nesting accepted; varlink calls of io.systemd.UserDatabase need three. */
    public static final int MAX_DEPTH = 32;

    /** JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The one value {@code text} holds (whitespace around it allowed, nothing else). */
    public static Object parse(String text) throws JsonException {
        JsonReader r = new JsonReader(text);
        r.skipWhitespace();
        Object v = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw new JsonException("trailing characters at " + r.pos);
        }
        return v;
    }

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw new JsonException("nested deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw new JsonException("value expected at end of text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw new JsonException("unexpected character at " + pos);
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        pos++; // '{'
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(m);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new JsonException("member name expected at " + pos);
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth + 1);
            if (m.put(name, v) != null) {
                throw new JsonException("repeated member name at " + pos);
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(m);
            }
            if (c != ',') {
                throw new JsonException("',' or '}' expected at " + (pos - 1));
            }
        }
    }

    private List<Object> array(int depth) throws JsonException {
        pos++; // '['
        List<Object> l = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(l);
        }
        while (true) {
            skipWhitespace();
            l.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(l);
            }
            if (c != ',') {
                throw new JsonException("',' or ']' expected at " + (pos - 1));
            }
        }
    }

    private String string() throws JsonException {
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new JsonException("unescaped control character in string at " + (pos - 1));
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(hex4());
                default -> throw new JsonException("bad escape at " + (pos - 1));
            }
        }
    }

    private char hex4() throws JsonException {
        if (pos + 4 > text.length()) {
            throw new JsonException("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw new JsonException("bad \\u escape at " + pos);
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw new JsonException("digit expected at " + pos);
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (!digits()) {
                throw new JsonException("digit expected at " + pos);
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw new JsonException("digit expected at " + pos);
            }
        }
        String s = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException tooLarge) {
                // falls through: an integer beyond long is still a number, just not a usable id
            }
        }
        return Double.parseDouble(s);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object v) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw new JsonException("unknown literal at " + pos);
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws JsonException {
        if (next() != c) {
            throw new JsonException("'" + c + "' expected at " + (pos - 1));
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws JsonException {
        if (pos >= text.length()) {
            throw new JsonException("unexpected end of text");
        }
        return text.charAt(pos++);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
