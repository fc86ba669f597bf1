package org.bossa.kerberos;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * One key in a keytab: principal, when it was written, key version number (32 bits unsigned, kept
 * in a long), encryption type and key bytes. {@link #toString()} omits the key.
 */
public record KeytabEntry(KerberosName principal, Instant timestamp, long kvno, int enctype, byte[] key) {
    public KeytabEntry {
        Objects.requireNonNull(principal);
        Objects.requireNonNull(timestamp);
        if (kvno < 0 || kvno > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("kvno out of range: " + kvno);
        }
        if (enctype < 0 || enctype > 0xFFFF) {
            throw new IllegalArgumentException("enctype out of range: " + enctype);
        }
        key = key.clone();
    }

    public static KeytabEntry of(KerberosName principal, Instant timestamp, long kvno, EncryptionKey key) {
        return new KeytabEntry(principal, timestamp, kvno, key.getKeyType().getValue(), key.getKeyData());
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The key as a Kerby EncryptionKey, e.g. for {@link KdcClient#asExchange(String, java.util.List)}. */
    public EncryptionKey encryptionKey() {
        return new EncryptionKey(EncryptionType.fromValue(enctype), key.clone(), (int) kvno);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeytabEntry e && e.principal.equals(principal) && e.timestamp.equals(timestamp)
                && e.kvno == kvno && e.enctype == enctype && Arrays.equals(e.key, key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, timestamp, kvno, enctype);
    }

    @Override
    public String toString() {
        return "KeytabEntry[" + principal + ", kvno " + kvno + ", enctype " + enctype + ", " + timestamp + "]";
    }
}
