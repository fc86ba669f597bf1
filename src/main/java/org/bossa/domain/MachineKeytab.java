package org.bossa.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KerberosKeys;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.Keytab;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.KeytabFile;
import org.bossa.kerberos.KeytabFormatException;

/**
 * The machine keytab: keys for {@code NAME$@REALM} and for every SPN of the account, for each
 * allowed enctype, at the account's key version — and those of the previous password after a
 * change, so service tickets issued before it still decrypt. All principals share the account's
 * one salt (the KDC derives every SPN's key from the account's password and salt).
 */
final class MachineKeytab {
    private MachineKeytab() {
    }

    static void write(Path path, DomainSettings s, String salt, char[] password, int kvno,
            Optional<DomainConnector.PreviousKey> previous) {
        List<EncryptionType> etypes = new ArrayList<>(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
                EncryptionType.AES128_CTS_HMAC_SHA1_96));
        if (s.allowRc4()) {
            etypes.add(EncryptionType.ARCFOUR_HMAC);
        }
        List<KerberosName> principals = principals(s);
        Instant now = Instant.now();
        List<KeytabEntry> entries = new ArrayList<>();
        try {
            if (previous.isPresent()) {
                add(entries, principals, now, previous.get().kvno(),
                        KerberosKeys.fromPassword(previous.get().password(), previous.get().salt(), etypes));
            }
            add(entries, principals, now, kvno, KerberosKeys.fromPassword(password, salt, etypes));
        } catch (KerberosException e) {
            throw KerberosFailures.of("cannot derive the machine keys", e);
        }
        try {
            KeytabFile.write(path, new Keytab(entries));
        } catch (IOException e) {
            throw new DomainException(DomainException.Cause.LOCAL_STATE, "cannot write the keytab " + path + ": "
                    + e.getMessage(), e);
        }
    }

    static OptionalInt newestKvno(Path path, String principal, String realm) {
        if (!Files.exists(path)) {
            return OptionalInt.empty();
        }
        try {
            OptionalLong k = KeytabFile.read(path).latestKvno(KerberosName.parse(principal, realm));
            return k.isPresent() ? OptionalInt.of((int) k.getAsLong()) : OptionalInt.empty();
        } catch (IOException | KeytabFormatException e) {
            throw new DomainException(DomainException.Cause.LOCAL_STATE, "cannot read the keytab " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<KerberosName> principals(DomainSettings s) {
        List<KerberosName> names = new ArrayList<>();
        names.add(KerberosName.parse(s.computer().samAccountName(), s.realm()));
        for (String spn : s.computer().servicePrincipalNames()) {
            names.add(KerberosName.parse(spn, s.realm()));
        }
        return names;
    }

    private static void add(List<KeytabEntry> entries, List<KerberosName> principals, Instant now, int kvno,
            List<EncryptionKey> keys) {
        for (KerberosName p : principals) {
            for (EncryptionKey key : keys) {
                entries.add(KeytabEntry.of(p, now, kvno, key));
            }
        }
    }
}
