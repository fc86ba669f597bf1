package org.bossa.rpc.netlogon.ndr;

/**
 * NETLOGON_SECURE_CHANNEL_TYPE (MS-NRPC 2.2.1.3.13; Samba netr_SchannelType in misc.idl), marshalled
 * as an NDR enum: 16 bits on the wire.
 */
public enum SecureChannelType {
    NULL(0),
    MSV_AP(1),
    /** A domain member workstation or server: what Bossa is. */
    WORKSTATION(2),
    TRUSTED_DNS_DOMAIN(3),
    TRUSTED_DOMAIN(4),
    UAS_SERVER(5),
    /** A (backup) domain controller. */
    SERVER(6),
    /** A read-only domain controller. */
    CDC_SERVER(7);

    private final int value;

    SecureChannelType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
