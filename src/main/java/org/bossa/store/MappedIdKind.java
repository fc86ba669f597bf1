package org.bossa.store;

/**
 * Whether a stored idmap record holds a uid or a gid. A SID may have one of each (as in Samba's
 * idmap_tdb, which keeps separate user and group records), and a uid and a gid of the same number
 * may belong to different SIDs.
 */
public enum MappedIdKind {
    UID,
    GID
}
