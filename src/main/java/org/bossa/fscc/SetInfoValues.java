package org.bossa.fscc;

/** Shared decoding for the SET_INFO classes that carry one fixed-size number. */
final class SetInfoValues {
    private SetInfoValues() {
    }

    /** One 64-bit value at offset 0 that must not be negative (as unsigned, beyond any file size). */
    static long nonNegative64(byte[] in, String what) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        long v = r.u64(0);
        if (v < 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER, what + " " + Long.toUnsignedString(v));
        }
        return v;
    }
}
