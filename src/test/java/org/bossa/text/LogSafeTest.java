package org.bossa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link LogSafe#quote} makes of hostile and ordinary names. */
class LogSafeTest {

    @Test
    void anOrdinaryNameIsOnlyQuoted() {
        assertThat(LogSafe.quote("alice")).isEqualTo("\"alice\"");
        assertThat(LogSafe.quote("dc1.example.test")).isEqualTo("\"dc1.example.test\"");
    }

    @Test
    void lettersOfOtherScriptsAreKept() {
        assertThat(LogSafe.quote("Jürgen Ødegård Ελένη 山田")).isEqualTo("\"Jürgen Ødegård Ελένη 山田\"");
        assertThat(LogSafe.quote("emoji \uD83D\uDE00")).isEqualTo("\"emoji \uD83D\uDE00\"");
    }

    @Test
    void newlinesCannotForgeALogLine() {
        String q = LogSafe.quote("alice\n2026-01-01 INFO logon of admin\r");
        assertThat(q).isEqualTo("\"alice\\n2026-01-01 INFO logon of admin\\r\"").doesNotContain("\n", "\r");
    }

    @Test
    void quotesAndBackslashesAreEscapedSoTheValueEndsWhereItSeemsTo() {
        assertThat(LogSafe.quote("EXAMPLE\\bob\" ok=\"yes")).isEqualTo("\"EXAMPLE\\\\bob\\\" ok=\\\"yes\"");
    }

    @Test
    void controlCharactersBecomeHexEscapes() {
        assertThat(LogSafe.quote("a\u0000b\u001b[31mc\u007f\u0085\t")).isEqualTo("\"a\\x00b\\x1b[31mc\\x7f\\x85\\t\"");
    }

    @Test
    void invisibleAndUnpairedCodePointsBecomeUnicodeEscapes() {
        // right-to-left override, zero-width space, line separator, a lone surrogate, private use
        assertThat(LogSafe.quote("x\u202Ey\u200Bz\u2028\uD800w\uE000"))
                .isEqualTo("\"x\\u202ey\\u200bz\\u2028\\ud800w\\ue000\"");
    }

    @Test
    void longValuesAreCutWithACount() {
        String q = LogSafe.quote("a".repeat(1000));
        assertThat(q).isEqualTo("\"" + "a".repeat(LogSafe.MAX_CHARS) + "\"...(744 more chars)");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String s = "a".repeat(LogSafe.MAX_CHARS - 1) + "\uD83D\uDE00" + "b";
        String q = LogSafe.quote(s);
        assertThat(q).isEqualTo("\"" + "a".repeat(LogSafe.MAX_CHARS - 1) + "\"...(3 more chars)");
    }

    @Test
    void nullIsShownAsSuch() {
        assertThat(LogSafe.quote(null)).isEqualTo("(null)");
        assertThat(LogSafe.quote("")).isEqualTo("\"\"");
    }
}
