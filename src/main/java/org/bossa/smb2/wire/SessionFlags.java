package org.bossa.smb2.wire;

/** SessionFlags of the SMB2 SESSION_SETUP Response (MS-SMB2 2.2.6). */
public final class SessionFlags {
    private SessionFlags() {
    }

    /** SMB2_SESSION_FLAG_IS_GUEST: the client has been authenticated as a guest user. */
    public static final int IS_GUEST = 0x0001;
    /** SMB2_SESSION_FLAG_IS_NULL: the client has been authenticated as an anonymous user. */
    public static final int IS_NULL = 0x0002;
    /** SMB2_SESSION_FLAG_ENCRYPT_DATA: the server requires encryption of messages on this session (SMB 3.x). */
    public static final int ENCRYPT_DATA = 0x0004;
}
