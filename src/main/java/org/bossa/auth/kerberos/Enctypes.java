package org.bossa.auth.kerberos;

import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/** Names of enctype numbers for reasons and log lines. */
final class Enctypes {
    private Enctypes() {
    }

    /** "aes256-cts-hmac-sha1-96 (18)", or "enctype 99" for a number Kerby does not know. */
    static String name(int enctype) {
        EncryptionType type = EncryptionType.fromValue(enctype);
        return type == EncryptionType.NONE ? "enctype " + enctype : type.getName() + " (" + enctype + ")";
    }
}
