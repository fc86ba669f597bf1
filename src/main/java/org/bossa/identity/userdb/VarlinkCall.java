package org.bossa.identity.userdb;

import java.util.Map;

/**
 * One varlink method call: {@code {"method":"iface.Method","parameters":{...},"more":true,"oneway":true}}.
 *
 * @param method the fully qualified method name ("io.systemd.UserDatabase.GetUserRecord")
 * @param parameters the call's parameters (empty when absent)
 * @param more the caller accepts several replies, all but the last marked {@code "continues":true}
 * @param oneway the caller wants no reply at all
 */
public record VarlinkCall(String method, Map<String, Object> parameters, boolean more, boolean oneway) {

    /** Reads a call from one message's text. */
    public static VarlinkCall parse(String message) throws VarlinkProtocolException {
        Object v;
        try {
            v = JsonReader.parse(message);
        } catch (JsonException e) {
            throw new VarlinkProtocolException("not JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new VarlinkProtocolException("a call must be a JSON object");
        }
        if (!(m.get("method") instanceof String method) || method.isEmpty()) {
            throw new VarlinkProtocolException("a call needs a method name");
        }
        Object p = m.get("parameters");
        Map<String, Object> params;
        if (p == null || p == JsonReader.NULL) {
            params = Map.of();
        } else if (p instanceof Map<?, ?> pm) {
            @SuppressWarnings("unchecked") // JsonReader's objects always have String keys
            Map<String, Object> typed = (Map<String, Object>) pm;
            params = typed;
        } else {
            throw new VarlinkProtocolException("parameters must be an object");
        }
        return new VarlinkCall(method, params, flag(m, "more"), flag(m, "oneway"));
    }

    private static boolean flag(Map<?, ?> m, String name) throws VarlinkProtocolException {
        Object v = m.get(name);
        if (v == null || v == JsonReader.NULL) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new VarlinkProtocolException(name + " must be a boolean");
    }
}
