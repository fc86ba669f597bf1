package org.bossa.rpc.netlogon.ndr;

import org.bossa.dtyp.Sid;

/**
 * NETLOGON_SID_AND_ATTRIBUTES (MS-NRPC 2.2.1.4.12): an extra SID of a validation answer with its
 * SE_GROUP_* attributes.
 */
public record SidAndAttributes(Sid sid, int attributes) {
    public static final int SE_GROUP_MANDATORY = 0x00000001;
    public static final int SE_GROUP_ENABLED_BY_DEFAULT = 0x00000002;
    public static final int SE_GROUP_ENABLED = 0x00000004;
    public static final int SE_GROUP_OWNER = 0x00000008;
    public static final int SE_GROUP_INTEGRITY = 0x00000020;
    /** A domain-local (resource) group of the DC's domain, returned among the extra SIDs. */
    public static final int SE_GROUP_RESOURCE = 0x20000000;

    public SidAndAttributes {
        if (sid == null) {
            throw new IllegalArgumentException("sid");
        }
    }

    public boolean isResourceGroup() {
        return (attributes & SE_GROUP_RESOURCE) != 0;
    }
}
