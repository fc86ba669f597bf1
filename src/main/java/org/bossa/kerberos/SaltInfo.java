package org.bossa.kerberos;

import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * One ETYPE-INFO2-ENTRY (RFC 4120 5.2.7.5): an encryption type the account has a key for, the salt
 * the KDC used for it, and its string-to-key parameters (null for the default).
 */
public record SaltInfo(EncryptionType etype, String salt, byte[] s2kparams) {
    public SaltInfo {
        s2kparams = s2kparams == null ? null : s2kparams.clone();
    }

    @Override
    public byte[] s2kparams() {
        return s2kparams == null ? null : s2kparams.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaltInfo s && s.etype == etype && java.util.Objects.equals(s.salt, salt)
                && Arrays.equals(s.s2kparams, s2kparams);
    }

    @Override
    public int hashCode() {
        return etype.hashCode() * 31 + java.util.Objects.hashCode(salt);
    }
}
