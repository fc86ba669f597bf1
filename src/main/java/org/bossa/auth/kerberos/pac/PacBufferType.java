package org.bossa.auth.kerberos.pac;

/**
 * The ulType values of PAC_INFO_BUFFER (MS-PAC 2.4, Samba krb5pac.idl PAC_TYPE). Types this package
 * does not decode (credentials, delegation info, claims, device info) are kept as
 * {@link PacBuffer}s and otherwise ignored.
 */
public final class PacBufferType {
    /** KERB_VALIDATION_INFO, NDR-serialized. */
    public static final int LOGON_INFO = 0x01;
    public static final int CREDENTIALS_INFO = 0x02;
    /** PAC_SIGNATURE_DATA keyed with the service's long-term key. */
    public static final int SERVER_CHECKSUM = 0x06;
    /** PAC_SIGNATURE_DATA keyed with the krbtgt key (PRIVSVR). */
    public static final int KDC_CHECKSUM = 0x07;
    /** PAC_CLIENT_INFO. */
    public static final int CLIENT_INFO = 0x0A;
    public static final int CONSTRAINED_DELEGATION = 0x0B;
    public static final int UPN_DNS_INFO = 0x0C;
    public static final int CLIENT_CLAIMS_INFO = 0x0D;
    public static final int DEVICE_INFO = 0x0E;
    public static final int DEVICE_CLAIMS_INFO = 0x0F;
    public static final int TICKET_CHECKSUM = 0x10;
    public static final int ATTRIBUTES_INFO = 0x11;
    public static final int REQUESTOR = 0x12;
    public static final int FULL_CHECKSUM = 0x13;

    private PacBufferType() {
    }

    /** A name for reasons and logs: the MS-PAC name, or the number for a type this package does not know. */
    public static String name(int type) {
        return switch (type) {
            case LOGON_INFO -> "LOGON_INFO";
            case CREDENTIALS_INFO -> "CREDENTIALS_INFO";
            case SERVER_CHECKSUM -> "SERVER_CHECKSUM";
            case KDC_CHECKSUM -> "KDC_CHECKSUM";
            case CLIENT_INFO -> "CLIENT_INFO";
            case CONSTRAINED_DELEGATION -> "CONSTRAINED_DELEGATION";
            case UPN_DNS_INFO -> "UPN_DNS_INFO";
            case CLIENT_CLAIMS_INFO -> "CLIENT_CLAIMS_INFO";
            case DEVICE_INFO -> "DEVICE_INFO";
            case DEVICE_CLAIMS_INFO -> "DEVICE_CLAIMS_INFO";
            case TICKET_CHECKSUM -> "TICKET_CHECKSUM";
            case ATTRIBUTES_INFO -> "ATTRIBUTES_INFO";
            case REQUESTOR -> "REQUESTOR";
            case FULL_CHECKSUM -> "FULL_CHECKSUM";
            default -> "type " + Integer.toUnsignedString(type);
        };
    }
}
