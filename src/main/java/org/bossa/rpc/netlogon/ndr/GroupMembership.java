package org.bossa.rpc.netlogon.ndr;

/**
 * GROUP_MEMBERSHIP (MS-NRPC 2.2.1.4.11 GroupIds): a group of the logon domain by RID, with its
 * SE_GROUP_* attributes.
 *
 * @param rid unsigned 32-bit
 */
public record GroupMembership(int rid, int attributes) {
    public long unsignedRid() {
        return Integer.toUnsignedLong(rid);
    }
}
