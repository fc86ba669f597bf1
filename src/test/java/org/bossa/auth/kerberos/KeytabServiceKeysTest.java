package org.bossa.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.kerberos.ServiceKeys.Cause;
import org.bossa.auth.kerberos.ServiceKeys.Found;
import org.bossa.auth.kerberos.ServiceKeys.Lookup;
import org.bossa.auth.kerberos.ServiceKeys.Missing;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.Keytab;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.KeytabFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeytabServiceKeysTest {
    private static final int AES256 = EncryptionType.AES256_CTS_HMAC_SHA1_96.getValue();
    private static final int AES128 = EncryptionType.AES128_CTS_HMAC_SHA1_96.getValue();
    private static final KerberosName HOST = name("host/filesrv.example.test@EXAMPLE.TEST");

    @TempDir
    Path dir;

    private static KerberosName name(String text) {
        return KerberosName.parse(text, null);
    }

    private static KeytabEntry entry(KerberosName principal, long kvno, int enctype, int fill) {
        byte[] key = new byte[enctype == AES256 ? 32 : 16];
        java.util.Arrays.fill(key, (byte) fill);
        return new KeytabEntry(principal, Instant.EPOCH, kvno, enctype, key);
    }

    private Path keytab(KeytabEntry... entries) throws Exception {
        Path file = dir.resolve("krb5.keytab");
        KeytabFile.write(file, new Keytab(List.of(entries)));
        return file;
    }

    private static Found found(Lookup lookup) {
        assertThat(lookup).isInstanceOf(Found.class);
        return (Found) lookup;
    }

    private static Missing missing(Lookup lookup, Cause cause) {
        assertThat(lookup).isInstanceOf(Missing.class);
        Missing m = (Missing) lookup;
        assertThat(m.cause()).as(m.detail()).isEqualTo(cause);
        return m;
    }

    @Test
    void exactKvnoAndEnctype() throws Exception {
        KeytabServiceKeys keys = new KeytabServiceKeys(keytab(entry(HOST, 2, AES256, 2), entry(HOST, 3, AES256, 3),
                entry(HOST, 3, AES128, 4)));
        Found f = found(keys.find(HOST, AES256, OptionalLong.of(2)));
        assertThat(f.kvno()).isEqualTo(2);
        assertThat(f.key().getKeyData()).containsOnly(2);
        assertThat(f.key().getKvno()).isEqualTo(2);
        assertThat(found(keys.find(HOST, AES128, OptionalLong.of(3))).key().getKeyData()).containsOnly(4);
        assertThat(f.toString()).doesNotContain("2, 2, 2");
    }

    @Test
    void withoutKvnoTheNewestKeyOfTheEnctype() throws Exception {
        KeytabServiceKeys keys = new KeytabServiceKeys(keytab(entry(HOST, 3, AES256, 3), entry(HOST, 2, AES256, 2),
                entry(HOST, 4, AES128, 4)));
        assertThat(found(keys.find(HOST, AES256, OptionalLong.empty())).kvno()).isEqualTo(3);
        missing(keys.find(HOST, 23, OptionalLong.empty()), Cause.NO_KEY_FOR_ENCTYPE);
    }

    @Test
    void missesSayWhatIsMissing() throws Exception {
        KeytabServiceKeys keys = new KeytabServiceKeys(keytab(entry(HOST, 2, AES256, 2), entry(HOST, 3, AES256, 3)));
        Missing kvno = missing(keys.find(HOST, AES256, OptionalLong.of(7)), Cause.UNKNOWN_KVNO);
        assertThat(kvno.detail()).contains("\"host/filesrv.example.test@EXAMPLE.TEST\"", "kvno 7",
                "aes256-cts-hmac-sha1-96 (18)", "kvno 2, 3");
        Missing type = missing(keys.find(HOST, AES128, OptionalLong.of(3)), Cause.NO_KEY_FOR_ENCTYPE);
        assertThat(type.detail()).contains("kvno 3", "aes128-cts-hmac-sha1-96 (17)");
        missing(keys.find(name("host/other.example.test@EXAMPLE.TEST"), AES256, OptionalLong.of(2)),
                Cause.UNKNOWN_PRINCIPAL);
    }

    @Test
    void namesCompareAsAdComparesThem() {
        assertThat(KeytabServiceKeys.matches(HOST, name("HOST/FileSrv.Example.TEST@example.test"))).isTrue();
        assertThat(KeytabServiceKeys.matches(name("FILESRV$@EXAMPLE.TEST"), name("filesrv$@Example.Test"))).isTrue();
        assertThat(KeytabServiceKeys.matches(HOST, name("cifs/filesrv.example.test@EXAMPLE.TEST"))).isFalse();
        assertThat(KeytabServiceKeys.matches(HOST, name("host/filesrv@EXAMPLE.TEST"))).isFalse();
        assertThat(KeytabServiceKeys.matches(HOST, name("host/filesrv.example.test@OTHER.TEST"))).isFalse();
        assertThat(KeytabServiceKeys.matches(HOST, name("host/filesrv.example.test/x@EXAMPLE.TEST"))).isFalse();
        KerberosName three = name("ldap/filesrv.example.test/example.test@EXAMPLE.TEST");
        assertThat(KeytabServiceKeys.matches(three, three)).isTrue();
        assertThat(KeytabServiceKeys.matches(three, name("ldap/FILESRV.example.test/example.test@EXAMPLE.TEST")))
                .isFalse();
    }

    @Test
    void aRewrittenKeytabIsReadAgain() throws Exception {
        Path file = keytab(entry(HOST, 2, AES256, 2));
        KeytabServiceKeys keys = new KeytabServiceKeys(file);
        missing(keys.find(HOST, AES256, OptionalLong.of(3)), Cause.UNKNOWN_KVNO);
        KeytabFile.merge(file, List.of(entry(HOST, 3, AES256, 3)));
        assertThat(found(keys.find(HOST, AES256, OptionalLong.of(3))).key().getKeyData()).containsOnly(3);
        assertThat(found(keys.find(HOST, AES256, OptionalLong.of(2))).key().getKeyData()).containsOnly(2);
        KeytabFile.merge(file, List.of(entry(HOST, 4, AES256, 4)));
        missing(keys.find(HOST, AES256, OptionalLong.of(2)), Cause.UNKNOWN_KVNO);
    }

    @Test
    void aMissingOrUnreadableKeytabIsUnavailableUntilItIsFixed() throws Exception {
        Path file = dir.resolve("krb5.keytab");
        KeytabServiceKeys keys = new KeytabServiceKeys(file);
        assertThat(missing(keys.find(HOST, AES256, OptionalLong.of(2)), Cause.UNAVAILABLE).detail())
                .contains("does not exist");
        Files.write(file, new byte[] {5, 1, 0});
        assertThat(missing(keys.find(HOST, AES256, OptionalLong.of(2)), Cause.UNAVAILABLE).detail())
                .contains("cannot read");
        missing(keys.find(HOST, AES256, OptionalLong.of(2)), Cause.UNAVAILABLE);
        KeytabFile.write(file, new Keytab(List.of(entry(HOST, 2, AES256, 2))));
        found(keys.find(HOST, AES256, OptionalLong.of(2)));
    }
}
