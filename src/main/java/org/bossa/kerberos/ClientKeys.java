package org.bossa.kerberos;

import java.util.ArrayList;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * Where an AS exchange gets the client's long-term key: derived from a password with the salt and
 * parameters the KDC announces, or chosen by type among fixed keys (from a keytab).
 */
sealed interface ClientKeys {
    /** The types we can offer, in the order of {@code allowed}. */
    List<EncryptionType> offer(List<EncryptionType> allowed);

    /** The key for {@code etype} with the KDC's salt and parameters (null when it announced none). */
    EncryptionKey key(EncryptionType etype, String salt, byte[] s2kparams, KerberosName client)
            throws KerberosException;

    record Password(char[] password) implements ClientKeys {
        @Override
        public List<EncryptionType> offer(List<EncryptionType> allowed) {
            return allowed;
        }

        @Override
        public EncryptionKey key(EncryptionType etype, String salt, byte[] s2kparams, KerberosName client)
                throws KerberosException {
            String s = salt != null ? salt : Salts.standard(client);
            return KerberosKeys.fromPassword(password, s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    s2kparams, etype);
        }

        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }

    record Keys(List<EncryptionKey> keys) implements ClientKeys {
        @Override
        public List<EncryptionType> offer(List<EncryptionType> allowed) {
            List<EncryptionType> out = new ArrayList<>();
            for (EncryptionType a : allowed) {
                if (keys.stream().anyMatch(k -> k.getKeyType().getValue() == a.getValue())) {
                    out.add(a);
                }
            }
            return out;
        }

        @Override
        public EncryptionKey key(EncryptionType etype, String salt, byte[] s2kparams, KerberosName client)
                throws KerberosException {
            for (EncryptionKey k : keys) {
                if (k.getKeyType().getValue() == etype.getValue()) {
                    return new EncryptionKey(k.getKeyType(), k.getKeyData().clone());
                }
            }
            throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED, "no key of type " + etype.getName()
                    + " for " + client);
        }

        @Override
        public String toString() {
            return "Keys[" + keys.size() + " hidden]";
        }
    }
}
