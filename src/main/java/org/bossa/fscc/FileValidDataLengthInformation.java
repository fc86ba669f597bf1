package org.bossa.fscc;

/** FileValidDataLengthInformation as a SET_INFO input, [MS-FSCC] 2.4.49: ValidDataLength 8 (signed; negative is invalid). */
public record FileValidDataLengthInformation(long validDataLength) {
    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 8 bytes; INVALID_PARAMETER if negative */
    public static FileValidDataLengthInformation decode(byte[] in) {
        return new FileValidDataLengthInformation(SetInfoValues.nonNegative64(in, "ValidDataLength"));
    }
}
