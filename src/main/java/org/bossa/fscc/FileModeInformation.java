package org.bossa.fscc;

/** FILE_MODE_INFORMATION, [MS-FSCC] 2.4.31: Mode 4. */
public record FileModeInformation(int mode) {
    public static final int FILE_WRITE_THROUGH = 0x00000002;
    public static final int FILE_SEQUENTIAL_ONLY = 0x00000004;
    public static final int FILE_NO_INTERMEDIATE_BUFFERING = 0x00000008;
    public static final int FILE_SYNCHRONOUS_IO_ALERT = 0x00000010;
    public static final int FILE_SYNCHRONOUS_IO_NONALERT = 0x00000020;
    public static final int FILE_DELETE_ON_CLOSE = 0x00001000;

    /** The bits SET_INFO may carry ([MS-FSA] 2.1.5.15.10); others are STATUS_INVALID_PARAMETER. */
    public static final int SETTABLE = FILE_WRITE_THROUGH | FILE_SEQUENTIAL_ONLY | FILE_NO_INTERMEDIATE_BUFFERING
            | FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT;

    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 4 bytes; INVALID_PARAMETER for other bits */
    public static FileModeInformation decode(byte[] in) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        int mode = r.u32(0);
        if ((mode & ~SETTABLE) != 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER, "Mode 0x" + Integer.toHexString(mode));
        }
        return new FileModeInformation(mode);
    }
}
