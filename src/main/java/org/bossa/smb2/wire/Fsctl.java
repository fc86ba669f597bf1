package org.bossa.smb2.wire;

/**
 * CtlCode values of the SMB2 IOCTL Request that MS-SMB2 2.2.31 names. Payload formats of the file system
 * controls live in MS-FSCC (package fscc); the SMB2-specific ones (VALIDATE_NEGOTIATE_INFO) live here.
 */
public final class Fsctl {
    private Fsctl() {
    }

    public static final int DFS_GET_REFERRALS = 0x00060194;
    public static final int DFS_GET_REFERRALS_EX = 0x000601B0;
    public static final int PIPE_PEEK = 0x0011400C;
    public static final int PIPE_WAIT = 0x00110018;
    public static final int PIPE_TRANSCEIVE = 0x0011C017;
    public static final int SRV_COPYCHUNK = 0x001440F2;
    public static final int SRV_COPYCHUNK_WRITE = 0x001480F2;
    public static final int SRV_ENUMERATE_SNAPSHOTS = 0x00144064;
    public static final int SRV_REQUEST_RESUME_KEY = 0x00140078;
    public static final int SRV_READ_HASH = 0x001441BB;
    public static final int LMR_REQUEST_RESILIENCY = 0x001401D4;
    public static final int QUERY_NETWORK_INTERFACE_INFO = 0x001401FC;
    public static final int SET_REPARSE_POINT = 0x000900A4;
    public static final int FILE_LEVEL_TRIM = 0x00098208;
    public static final int VALIDATE_NEGOTIATE_INFO = 0x00140204;
}
