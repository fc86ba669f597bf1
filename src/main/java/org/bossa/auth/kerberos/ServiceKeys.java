package org.bossa.auth.kerberos;

import java.util.Objects;
import java.util.OptionalLong;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.bossa.kerberos.KerberosName;

/**
 * Where the acceptor finds the long-term key a service ticket is encrypted with: the key of the
 * principal the ticket names (its sname and realm), of the ticket's enctype and key version number.
 * Implementations are thread-safe; {@link KeytabServiceKeys} reads the machine keytab.
 */
public interface ServiceKeys {

    /**
     * The key for {@code server}.
     *
     * @param server the ticket's sname@realm
     * @param enctype the enctype of the ticket's enc-part
     * @param kvno the enc-part's kvno, empty when the ticket carries none (then the newest key of
     *     that enctype is the answer)
     */
    Lookup find(KerberosName server, int enctype, OptionalLong kvno);

    /** The answer of {@link #find}: a key, or why there is none. */
    sealed interface Lookup permits Found, Missing {
    }

    /**
     * @param key the long-term key (its kvno set); a fresh object, the caller may keep it
     * @param kvno the key version number of {@code key}
     * @param entryPrincipal the principal as the key store spells it (may differ in case from the ticket's)
     */
    record Found(EncryptionKey key, long kvno, KerberosName entryPrincipal) implements Lookup {
        public Found {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(entryPrincipal, "entryPrincipal");
        }

        @Override
        public String toString() {
            // never the key bytes
            return "Found[" + entryPrincipal + ", kvno " + kvno + ", " + Enctypes.name(key.getKeyType().getValue()) + "]";
        }
    }

    /**
     * @param cause which of the lookups failed
     * @param detail one log-safe sentence naming principal, kvno and enctype; never key material
     */
    record Missing(Cause cause, String detail) implements Lookup {
        public Missing {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why {@link #find} found no key. */
    enum Cause {
        /** No key at all for the principal (a ticket for a name that is not ours). */
        UNKNOWN_PRINCIPAL,
        /** Keys for the principal, but not of the ticket's kvno (the password changed more than once since). */
        UNKNOWN_KVNO,
        /** The kvno (or, without one, the principal) has no key of the ticket's enctype. */
        NO_KEY_FOR_ENCTYPE,
        /** The key store cannot be read at all. */
        UNAVAILABLE
    }
}
