package org.bossa.rpc;

/** WERROR values the RPC servers return (MS-ERREF 2.2). */
public final class WError {
    public static final int OK = 0x00000000;
    public static final int ACCESS_DENIED = 0x00000005;
    public static final int INVALID_PARAMETER = 0x00000057;
    /** ERROR_INVALID_LEVEL, Samba's WERR_UNKNOWN_LEVEL. */
    public static final int UNKNOWN_LEVEL = 0x0000007C;
    public static final int MORE_DATA = 0x000000EA;
    /** NERR_NetNameNotFound: no share by that name. */
    public static final int NERR_NETNAMENOTFOUND = 0x00000906;

    private WError() {
    }
}
