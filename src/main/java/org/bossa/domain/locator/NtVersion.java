package org.bossa.domain.locator;

/**
 * NETLOGON_NT_VERSION options bits (MS-ADTS 6.3.1.1): the NtVer value a client puts in its LDAP
 * ping filter to choose the answer's structure, and which the DC echoes in the answer.
 */
public final class NtVersion {
    /** Answer with NETLOGON_SAM_LOGON_RESPONSE_NT40. */
    public static final int V1 = 0x00000001;
    /** Answer with NETLOGON_SAM_LOGON_RESPONSE. */
    public static final int V5 = 0x00000002;
    /** Answer with NETLOGON_SAM_LOGON_RESPONSE_EX. */
    public static final int V5EX = 0x00000004;
    /** NETLOGON_SAM_LOGON_RESPONSE_EX with the DC's address (DcSockAddr). */
    public static final int V5EX_WITH_IP = 0x00000008;
    /** NETLOGON_SAM_LOGON_RESPONSE_EX with NextClosestSiteName. */
    public static final int WITH_CLOSEST_SITE = 0x00000010;
    /** Answer even when configured to ignore LDAP pings. */
    public static final int AVOID_NT4EMUL = 0x01000000;

    /**
     * What Bossa asks for: the EX structure with the address the DC received the ping on. V5 is
     * set too, as Windows and Samba clients do, so that an old DC still answers something.
     */
    public static final int LOCATOR_REQUEST = V5 | V5EX | V5EX_WITH_IP;

    private NtVersion() {
    }
}
