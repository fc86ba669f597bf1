package org.bossa.rpc.netlogon.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of {@code org/bossa/rpc/netlogon/netlogon.vectors}, written by {@code
 * netlogon_vectors.py} beside it (an independent Python implementation): "[name]" starts a vector,
 * "field = value" sets a field, "#" starts a comment line.
 */
public final class NetlogonVectors {

    private static final Map<String, Map<String, String>> ALL = load("/org/bossa/rpc/netlogon/netlogon.vectors");

    private final String name;
    private final Map<String, String> fields;

    private NetlogonVectors(String name, Map<String, String> fields) {
        this.name = name;
        this.fields = fields;
    }

    public static NetlogonVectors named(String name) {
        Map<String, String> fields = ALL.get(name);
        if (fields == null) {
            throw new IllegalStateException("no vector " + name + " in netlogon.vectors");
        }
        return new NetlogonVectors(name, fields);
    }

    public byte[] hex(String field) {
        return HexFormat.of().parseHex(text(field));
    }

    public String text(String field) {
        String v = fields.get(field);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no field " + field);
        }
        return v;
    }

    public int integer(String field) {
        return Integer.parseInt(text(field));
    }

    public long number(String field) {
        return Long.parseLong(text(field));
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, Map<String, String>> load(String resource) {
        InputStream in = NetlogonVectors.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = new LinkedHashMap<>();
                    out.put(line.substring(1, line.indexOf(']')), current);
                } else {
                    int eq = line.indexOf('=');
                    current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
