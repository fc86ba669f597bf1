package org.bossa.identity.userdb;

import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link JsonReader} produces (maps with string keys, lists, strings, integral
 * numbers, booleans, {@link JsonReader#NULL}) as compact JSON. Every control character is escaped,
 * so the output never contains the NUL byte that ends a varlink message.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** {@code v} as JSON text; an unsupported type is a programming error here, not wire input. */
    public static String write(Object v) {
        StringBuilder b = new StringBuilder();
        append(b, v);
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        switch (v) {
            case null -> b.append("null");
            case String s -> string(b, s);
            case Boolean z -> b.append(z.booleanValue());
            case Long n -> b.append(n.longValue());
            case Integer n -> b.append(n.intValue());
            case Map<?, ?> m -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    string(b, (String) e.getKey());
                    b.append(':');
                    append(b, e.getValue());
                }
                b.append('}');
            }
            case List<?> l -> {
                b.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    append(b, l.get(i));
                }
                b.append(']');
            }
            default -> {
                if (v == JsonReader.NULL) {
                    b.append("null");
                } else {
                    throw new IllegalArgumentException("not writable as JSON: " + v.getClass().getName());
                }
            }
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
