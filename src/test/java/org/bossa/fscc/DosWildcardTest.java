package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DosWildcardTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "*|anything.at.all|true",
        "*|.|true",
        "*.*|noext|true",
        "*.*|a.b|true",
        "''|x|true",
        "*.txt|notes.txt|true",
        "*.txt|NOTES.TXT|true",
        "*.txt|notes.txt.bak|false",
        "*.txt|.txt|true",
        "*.txt|txt|false",
        "a?c|abc|true",
        "a?c|ac|false",
        "a?c|abbc|false",
        "a?c|a.c|true",
        "<.txt|notes.txt|true",
        "<.txt|a.b.txt|true",
        "<.txt|notes.doc|false",
        "<|noext|true",
        "<|has.ext|false",
        "foo\"|foo|true",
        "foo\"|foo.|true",
        "foo\"|foox|false",
        "file.>>>|file.txt|true",
        "file.>>>|file.t|true",
        "file.>>>|file.|true",
        "file.>>>|file.text|false",
        ">>>>>>>>\">>>|readme.txt|true",
        ">>>>>>>>\">>>|readme|true",
        ">>>>>>>>\">>>|verylongname.txt|false",
        "ab*|ABC|true",
        "abc|ABC|true",
        "abc|abd|false",
        "*a|baba|true",
        "*a|bab.b|false",
        "ä*|Äpfel|true",
    })
    void table(String pattern, String name, boolean expected) {
        assertThat(DosWildcard.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void literalAndMatchAll() {
        assertThat(DosWildcard.compile("abc").isLiteral()).isTrue();
        assertThat(DosWildcard.compile("a*").isLiteral()).isFalse();
        assertThat(DosWildcard.compile("*.*").matchesAll()).isTrue();
        assertThat(DosWildcard.compile("*.txt").matchesAll()).isFalse();
    }

    @Test
    void pathologicalPatternIsFast() {
        String name = "a".repeat(10_000);
        DosWildcard w = DosWildcard.compile("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                assertThat(w.matches(name)).isFalse();
                assertThat(w.matches(name + "b")).isTrue();
            }
        });
        DosWildcard dos = DosWildcard.compile("<a<a<a<a<a<a<a<a>>>>\"b");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(dos.matches(name)).isFalse());
    }
}
