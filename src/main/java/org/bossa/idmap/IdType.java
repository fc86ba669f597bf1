package org.bossa.idmap;

import org.bossa.store.MappedIdKind;

/** Whether a SID is asked for as a user (uid) or a group (gid). */
public enum IdType {
    UID,
    GID;

    /** The kind under which the state store records a mapping of this type. */
    MappedIdKind storeKind() {
        return this == UID ? MappedIdKind.UID : MappedIdKind.GID;
    }
}
