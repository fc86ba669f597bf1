package org.bossa.fscc;

/** FilePositionInformation as a SET_INFO input, [MS-FSCC] 2.4.40: CurrentByteOffset 8 (signed; negative is invalid). */
public record FilePositionInformation(long currentByteOffset) {
    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 8 bytes; INVALID_PARAMETER if negative */
    public static FilePositionInformation decode(byte[] in) {
        return new FilePositionInformation(SetInfoValues.nonNegative64(in, "CurrentByteOffset"));
    }
}
