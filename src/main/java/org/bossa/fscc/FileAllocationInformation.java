package org.bossa.fscc;

/** FileAllocationInformation as a SET_INFO input, [MS-FSCC] 2.4.4: AllocationSize 8 (signed; negative is invalid). */
public record FileAllocationInformation(long allocationSize) {
    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 8 bytes; INVALID_PARAMETER if negative */
    public static FileAllocationInformation decode(byte[] in) {
        return new FileAllocationInformation(SetInfoValues.nonNegative64(in, "AllocationSize"));
    }
}
