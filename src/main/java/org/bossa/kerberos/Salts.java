package org.bossa.kerberos;

import java.util.Locale;

/**
 * The salts AD uses for its accounts' AES keys (MS-KILE 3.1.1.2). The KDC can also be asked for
 * the salt it really uses: {@link KdcClient#saltInfo(String)}.
 */
public final class Salts {
    private Salts() {
    }

    /**
     * A computer account: upper-case realm, "host", the lower-case name without its '$', ".",
     * the lower-case DNS domain. For KRBTEST1$ in EXAMPLE.TEST: "EXAMPLE.TESThostkrbtest1.example.test".
     */
    public static String computer(String realm, String accountName, String dnsDomain) {
        String name = accountName.endsWith("$") ? accountName.substring(0, accountName.length() - 1) : accountName;
        return realm.toUpperCase(Locale.ROOT) + "host" + name.toLowerCase(Locale.ROOT) + "."
                + dnsDomain.toLowerCase(Locale.ROOT);
    }

    /** A computer account whose DNS domain is the realm's, the usual case. */
    public static String computer(String realm, String accountName) {
        return computer(realm, accountName, realm);
    }

    /** A user account: upper-case realm followed by the sAMAccountName as stored (case kept). */
    public static String user(String realm, String samAccountName) {
        return realm.toUpperCase(Locale.ROOT) + samAccountName;
    }

    /** The RFC 4120 4 default salt: the realm followed by each name component, no separators. */
    public static String standard(KerberosName name) {
        return name.realm() + String.join("", name.components());
    }
}
