package org.bossa.fscc;

/** FileEndOfFileInformation as a SET_INFO input, [MS-FSCC] 2.4.14: EndOfFile 8 (signed; negative is invalid). */
public record FileEndOfFileInformation(long endOfFile) {
    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 8 bytes; INVALID_PARAMETER if negative */
    public static FileEndOfFileInformation decode(byte[] in) {
        return new FileEndOfFileInformation(SetInfoValues.nonNegative64(in, "EndOfFile"));
    }
}
