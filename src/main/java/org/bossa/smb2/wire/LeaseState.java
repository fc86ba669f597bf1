package org.bossa.smb2.wire;

/** Lease state bits (MS-SMB2 2.2.13.2.8 LeaseState, also used by the lease break messages 2.2.23.2-2.2.25.2). */
public final class LeaseState {
    private LeaseState() {
    }

    /** SMB2_LEASE_NONE. */
    public static final int NONE = 0x00;
    /** SMB2_LEASE_READ_CACHING. */
    public static final int READ_CACHING = 0x01;
    /** SMB2_LEASE_HANDLE_CACHING. */
    public static final int HANDLE_CACHING = 0x02;
    /** SMB2_LEASE_WRITE_CACHING. */
    public static final int WRITE_CACHING = 0x04;
    /** All valid bits. */
    public static final int MASK = READ_CACHING | HANDLE_CACHING | WRITE_CACHING;
}
