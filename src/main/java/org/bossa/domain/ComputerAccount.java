package org.bossa.domain;

import java.util.List;

/**
 * A computer object as found in the directory.
 *
 * @param dn its distinguished name
 * @param samAccountName {@code NAME$}
 * @param userAccountControl its account flags
 * @param kvno msDS-KeyVersionNumber, the key version of its current password
 * @param dnsHostName its dNSHostName, empty if none
 * @param servicePrincipalNames its servicePrincipalName values
 * @param encryptionTypes msDS-SupportedEncryptionTypes, 0 if not set
 */
public record ComputerAccount(String dn, String samAccountName, int userAccountControl, int kvno,
        String dnsHostName, List<String> servicePrincipalNames, int encryptionTypes) {

    /** UF_ACCOUNTDISABLE. */
    public static final int ACCOUNT_DISABLE = 0x0002;
    /** UF_WORKSTATION_TRUST_ACCOUNT: a domain member's computer account. */
    public static final int WORKSTATION_TRUST_ACCOUNT = 0x1000;
    /** msDS-SupportedEncryptionTypes bits for AES128-CTS-HMAC-SHA1-96 and AES256-CTS-HMAC-SHA1-96. */
    public static final int AES128 = 0x08;
    public static final int AES256 = 0x10;
    /** RC4-HMAC, only when explicitly allowed. */
    public static final int RC4 = 0x04;

    public ComputerAccount {
        servicePrincipalNames = List.copyOf(servicePrincipalNames);
    }

    /** True if the account is disabled. */
    public boolean disabled() {
        return (userAccountControl & ACCOUNT_DISABLE) != 0;
    }
}
