package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

class ShareNamesTest {
    @Test
    void splitsOnBackslashAndDropsTheDefaultStream() {
        assertThat(ShareNames.components("")).isEmpty();
        assertThat(ShareNames.components("a\\b\\c.txt")).containsExactly("a", "b", "c.txt");
        assertThat(ShareNames.components("a\\file::$DATA")).containsExactly("a", "file");
        assertThat(ShareNames.components("dir\\")).containsExactly("dir");
    }

    @Test
    void leadingSeparatorIsInvalidParameter() {
        assertThatThrownBy(() -> ShareNames.components("\\etc\\passwd"))
                .isInstanceOfSatisfying(SmbStatusException.class,
                        e -> assertThat(e.status()).isEqualTo(NtStatus.INVALID_PARAMETER));
    }

    @Test
    void emptyComponentsAndStreamsAreInvalidNames() {
        for (String bad : new String[] {"a\\\\b", "a:stream", "a\\b:s:$DATA"}) {
            assertThatThrownBy(() -> ShareNames.components(bad))
                    .isInstanceOfSatisfying(SmbStatusException.class,
                            e -> assertThat(e.status()).isEqualTo(NtStatus.OBJECT_NAME_INVALID));
        }
    }

    @Test
    void clientNamesAndParents() {
        assertThat(ShareNames.toClient(".")).isEqualTo("\\");
        assertThat(ShareNames.toClient("a/b")).isEqualTo("\\a\\b");
        assertThat(ShareNames.parent("a/b")).isEqualTo("a");
        assertThat(ShareNames.parent("a")).isEqualTo(".");
        assertThat(ShareNames.baseName("a/b")).isEqualTo("b");
    }

    @Test
    void shortNames() {
        assertThat(ShortNames.isValid83("g.bin")).isTrue();
        assertThat(ShortNames.isValid83("README")).isTrue();
        assertThat(ShortNames.isValid83("longername.txt")).isFalse();
        assertThat(ShortNames.isValid83("a.b.c")).isFalse();
        assertThat(ShortNames.isValid83("sp ace.txt")).isFalse();
        assertThat(ShortNames.isValid83("x.html")).isFalse();
        assertThat(ShortNames.of("g.bin")).isEqualTo("G.BIN");
        assertThat(ShortNames.of("longername.txt")).matches("LONGE~[0-9A-Z]{2}\\.TXT").isEqualTo(ShortNames.of("longername.txt"));
        assertThat(ShortNames.of("a b c.html")).matches("ABC~[0-9A-Z]{2}\\.HTM");
        assertThat(ShortNames.of("..")).isEmpty();
    }
}
