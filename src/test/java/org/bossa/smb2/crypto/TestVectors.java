package org.bossa.smb2.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the *.vectors data files next to the tests: "[name]" starts a vector, "field = value" sets a field,
 * a line starting with whitespace continues the previous value, "#" starts a comment line.
 */
record TestVectors(String name, Map<String, String> fields) {

    static List<TestVectors> load(String resource) {
        InputStream in = TestVectors.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<TestVectors> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            Map<String, String> fields = null;
            String name = null;
            String last = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    if (fields != null) {
                        out.add(new TestVectors(name, fields));
                    }
                    name = line.substring(1, line.indexOf(']'));
                    fields = new LinkedHashMap<>();
                    last = null;
                } else if (Character.isWhitespace(line.charAt(0))) {
                    fields.put(last, fields.get(last) + line.strip());
                } else {
                    int eq = line.indexOf('=');
                    last = line.substring(0, eq).strip();
                    fields.put(last, line.substring(eq + 1).strip());
                }
            }
            if (fields != null) {
                out.add(new TestVectors(name, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no vectors in " + resource);
        }
        return out;
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    byte[] hex(String field) {
        String v = fields.get(field);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no field " + field);
        }
        return HexFormat.of().parseHex(v);
    }

    int hexInt(String field) {
        return Integer.parseInt(fields.get(field), 16);
    }

    @Override
    public String toString() {
        return name;
    }
}
