package org.bossa.smb2.server;

import static org.bossa.dtyp.AccessMask.*;

import org.bossa.auth.Token;
import org.bossa.vfs.FileStat;

/**
 * NT access derived from POSIX ownership and mode bits, until stored NT ACLs arrive: what Samba
 * grants on a share without acl_xattr. The owner may always read and change the security
 * descriptor and attributes; DELETE comes from write permission on the parent directory.
 */
final class PosixAccess {
    /** Bits that change data or metadata: stripped on a read-only share. */
    static final int WRITE_BITS = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA | FILE_WRITE_ATTRIBUTES
            | FILE_DELETE_CHILD | DELETE | WRITE_DAC | WRITE_OWNER;
    /** Bits no valid DesiredAccess may carry (MS-SMB2 3.3.5.9: reserved). */
    static final int INVALID_BITS = 0x0CE0FE00;

    private PosixAccess() {
    }

    /** The most a token may do to a file with this stat, given write permission on its parent. */
    static int maximal(Token t, FileStat st, boolean parentWritable, boolean readOnlyShare) {
        int access = SYNCHRONIZE | FILE_READ_ATTRIBUTES | READ_CONTROL;
        int bits = permissionBits(t, st);
        boolean owner = t.uid() == 0 || t.uid() == Integer.toUnsignedLong(st.uid());
        if ((bits & 4) != 0) {
            access |= FILE_READ_DATA | FILE_READ_EA;
            if (!st.isDirectory()) {
                // Windows has no execute bit on data files: reading a file is enough to run it.
                access |= FILE_EXECUTE;
            }
        }
        if ((bits & 2) != 0) {
            // FILE_DELETE_CHILD means nothing on a file but is part of FILE_ALL_ACCESS, which Windows
            // clients ask for; grant it with write so "full control" opens work.
            access |= FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA | FILE_WRITE_ATTRIBUTES | FILE_DELETE_CHILD;
        }
        if ((bits & 1) != 0) {
            access |= FILE_EXECUTE;
        }
        if (owner) {
            access |= WRITE_DAC | WRITE_OWNER | FILE_WRITE_ATTRIBUTES | FILE_READ_EA;
        }
        if (parentWritable) {
            access |= DELETE;
        }
        if (readOnlyShare) {
            access &= ~WRITE_BITS;
        }
        return access;
    }

    /** The rwx bits (4, 2, 1) that apply to this token: owner, group or other; root gets all. */
    static int permissionBits(Token t, FileStat st) {
        if (t.uid() == 0) {
            return 7;
        }
        int mode = st.mode();
        if (t.uid() == Integer.toUnsignedLong(st.uid())) {
            return (mode >> 6) & 7;
        }
        long gid = Integer.toUnsignedLong(st.gid());
        if (t.gid() == gid || t.supplementaryGids().contains(gid)) {
            return (mode >> 3) & 7;
        }
        return mode & 7;
    }

    /** May the token add or remove entries in this directory (w and x, sticky rules aside)? */
    static boolean canModifyDirectory(Token t, FileStat dir) {
        return (permissionBits(t, dir) & 3) == 3;
    }

    /** Sticky directories allow deleting only one's own files (or the directory owner's). */
    static boolean stickyAllowsDelete(Token t, FileStat dir, FileStat file) {
        if ((dir.mode() & 01000) == 0 || t.uid() == 0) {
            return true;
        }
        return t.uid() == Integer.toUnsignedLong(file.uid()) || t.uid() == Integer.toUnsignedLong(dir.uid());
    }
}
