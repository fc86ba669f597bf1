package org.bossa.identity.userdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    @SuppressWarnings("unchecked")
    void readsTheValueKinds() throws JsonException {
        Object v = JsonReader.parse(" {\"a\": [1, -2, 3.5, 1e3, 99999999999999999999], \"b\": true, \"c\": false,"
                + " \"d\": null, \"e\": \"x\\u00e9\\n\\\"\\\\\\/\", \"f\": {}} ");
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat((List<Object>) m.get("a")).containsExactly(1L, -2L, 3.5, 1000.0, 1e20);
        assertThat(m.get("b")).isEqualTo(true);
        assertThat(m.get("c")).isEqualTo(false);
        assertThat(m.get("d")).isSameAs(JsonReader.NULL);
        assertThat(m.get("e")).isEqualTo("xé\n\"\\/");
        assertThat((Map<?, ?>) m.get("f")).isEmpty();
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "[1 2]", "01", "-", "1.", "1e",
                "tru", "nul", "\"abc", "\"a\u0001\"", "\"\\x\"", "\"\\u12\"", "{1:2}", "{} {}", "\"\\uzzzz\"",
                "{\"a\":1,\"a\":2}", "+1", ".5"}) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void capsNesting() throws JsonException {
        String ok = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThat(JsonReader.parse(ok)).isInstanceOf(List.class);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonReader.parse(deep)).isInstanceOf(JsonException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesCompactEscapedJsonThatReadsBack() throws JsonException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userName", "EXAMPLE\\alice");
        m.put("uid", 4294967294L);
        m.put("n", 7);
        m.put("ok", true);
        m.put("members", List.of("a\"b", "c\u0000d\u001f"));
        m.put("none", JsonReader.NULL);
        String json = JsonWriter.write(m);
        assertThat(json).isEqualTo("{\"userName\":\"EXAMPLE\\\\alice\",\"uid\":4294967294,\"n\":7,\"ok\":true,"
                + "\"members\":[\"a\\\"b\",\"c\\u0000d\\u001f\"],\"none\":null}");
        assertThat(json).doesNotContain("\u0000");
        Map<String, Object> back = (Map<String, Object>) JsonReader.parse(json);
        assertThat(back.get("userName")).isEqualTo("EXAMPLE\\alice");
        assertThat((List<Object>) back.get("members")).containsExactly("a\"b", "c\u0000d\u001f");
    }
}
