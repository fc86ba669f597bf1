package org.bossa.smb2.server;

import org.bossa.locking.OpenOwner;
import org.bossa.smb2.wire.FileId;

/**
 * The ids of one open (MS-SMB2 3.3.1.10 Open.FileId), unique server-wide, and the identity its
 * share-mode record and byte-range locks carry. Compared by identity: two opens are never equal.
 */
public final class OpenId implements OpenOwner {
    private final long persistentId;
    private final long volatileId;

    OpenId(long persistentId, long volatileId) {
        this.persistentId = persistentId;
        this.volatileId = volatileId;
    }

    public long persistentId() {
        return persistentId;
    }

    public long volatileId() {
        return volatileId;
    }

    public FileId fileId() {
        return new FileId(persistentId, volatileId);
    }

    @Override
    public String toString() {
        return fileId().toString();
    }
}
