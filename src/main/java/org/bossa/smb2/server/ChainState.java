package org.bossa.smb2.server;

import org.bossa.smb2.wire.NtStatus;

/**
 * What a compound chain carries from one request to the next related one (MS-SMB2 3.3.5.2.7.2):
 * the session, the tree and the file the previous request used or created, and its failure.
 */
final class ChainState {
    long sessionId;
    int treeId;
    Open file;
    NtStatus lastError;

    void reset() {
        sessionId = 0;
        treeId = 0;
        file = null;
        lastError = null;
    }
}
