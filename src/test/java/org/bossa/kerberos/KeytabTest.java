package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeytabTest {
    private static final KerberosName HOST = KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null);
    private static final KerberosName CIFS = KerberosName.parse("cifs/krbtest1.example.test@EXAMPLE.TEST", null);
    private static final KerberosName OTHER = KerberosName.parse("HTTP/web.example.test@EXAMPLE.TEST", null);

    private static KeytabEntry e(KerberosName p, long kvno, int enctype) {
        return new KeytabEntry(p, Instant.ofEpochSecond(kvno), kvno, enctype, new byte[] {(byte) kvno});
    }

    @Test
    void mergeKeepsThePreviousKvnoAndDropsOlderOnes() {
        Keytab kt = new Keytab(List.of(e(HOST, 1, 18), e(HOST, 1, 17), e(HOST, 2, 18), e(HOST, 2, 17),
                e(CIFS, 2, 18), e(OTHER, 7, 18)));
        Keytab merged = kt.merge(List.of(e(HOST, 3, 18), e(HOST, 3, 17), e(CIFS, 3, 18)));
        assertThat(merged.entriesFor(HOST)).extracting(KeytabEntry::kvno).containsExactlyInAnyOrder(2L, 2L, 3L, 3L);
        assertThat(merged.entriesFor(CIFS)).extracting(KeytabEntry::kvno).containsExactlyInAnyOrder(2L, 3L);
        assertThat(merged.entriesFor(OTHER)).extracting(KeytabEntry::kvno).containsExactly(7L);
        assertThat(merged.latestKvno(HOST)).hasValue(3);
    }

    @Test
    void mergeReplacesEntriesOfTheSameKvno() {
        Keytab kt = new Keytab(List.of(e(HOST, 2, 18), e(HOST, 3, 18)));
        KeytabEntry fresh = new KeytabEntry(HOST, Instant.ofEpochSecond(99), 3, 18, new byte[] {42});
        Keytab merged = kt.merge(List.of(fresh));
        assertThat(merged.entriesFor(HOST)).containsExactlyInAnyOrder(e(HOST, 2, 18), fresh);
    }

    @Test
    void mergeIntoAnEmptyKeytab() {
        assertThat(Keytab.empty().merge(List.of(e(HOST, 5, 18))).entries()).containsExactly(e(HOST, 5, 18));
    }

    @Test
    void mergeRefusesTwoKvnosForOnePrincipal() {
        assertThatThrownBy(() -> Keytab.empty().merge(List.of(e(HOST, 5, 18), e(HOST, 6, 18))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entriesNeverShowTheirKey() {
        assertThat(new KeytabEntry(HOST, Instant.EPOCH, 1, 18, new byte[] {0x5A, 0x5A}).toString())
                .doesNotContain("5a", "5A", "[90");
    }
}
