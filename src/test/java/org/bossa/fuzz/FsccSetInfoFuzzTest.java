package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.fscc.FileInformationClass;
import org.bossa.fscc.FsccFormatException;
import org.bossa.fscc.FsccUnsupportedException;

/**
 * The MS-FSCC 2.4 decoders SET_INFO hands its buffer to (FileRenameInformation, FileLinkInformation,
 * FileBasicInformation, the dispositions, FileFullEaInformation...). The first input byte picks the
 * class, the rest is the buffer; failures must be FsccFormatException or FsccUnsupportedException.
 */
class FsccSetInfoFuzzTest {
    private static final FileInformationClass[] CLASSES = {
            FileInformationClass.FileBasicInformation, FileInformationClass.FileRenameInformation,
            FileInformationClass.FileLinkInformation, FileInformationClass.FileDispositionInformation,
            FileInformationClass.FileDispositionInformationEx, FileInformationClass.FilePositionInformation,
            FileInformationClass.FileModeInformation, FileInformationClass.FileAllocationInformation,
            FileInformationClass.FileEndOfFileInformation, FileInformationClass.FileValidDataLengthInformation,
            FileInformationClass.FileFullEaInformation,
    };

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void setInfo(byte[] input) {
        if (input.length == 0) {
            return;
        }
        FileInformationClass c = CLASSES[(input[0] & 0xFF) % CLASSES.length];
        byte[] buffer = Arrays.copyOfRange(input, 1, input.length);
        try {
            Smb2Requests.fileInfo(c.code(), buffer);
        } catch (FsccFormatException | FsccUnsupportedException e) {
            // STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_PARAMETER, ...
        }
    }
}
