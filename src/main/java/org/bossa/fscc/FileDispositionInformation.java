package org.bossa.fscc;

/** FILE_DISPOSITION_INFORMATION, [MS-FSCC] 2.4.11: DeletePending 1 (non-zero: delete on last close). */
public record FileDispositionInformation(boolean deletePending) {
    /** @throws FsccFormatException INFO_LENGTH_MISMATCH on an empty buffer */
    public static FileDispositionInformation decode(byte[] in) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        return new FileDispositionInformation(r.u8(0) != 0);
    }
}
