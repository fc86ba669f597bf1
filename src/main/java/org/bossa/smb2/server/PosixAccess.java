package org.bossa.smb2.server;

import org.bossa.auth.Token;
import org.bossa.vfs.FileStat;

/**
 * NT access derived from POSIX ownership and mode bits, until stored NT ACLs arrive: what Samba
 * grants on a share without acl_xattr. The owner may always read and change the security
 * descriptor and attributes; DELETE comes from write permission on the parent directory.
 */
final class PosixAccess {
    static final int FILE_READ_DATA = 0x0001;
    static final int FILE_WRITE_DATA = 0x0002;
    static final int FILE_APPEND_DATA = 0x0004;
    static final int FILE_READ_EA = 0x0008;
    static final int FILE_WRITE_EA = 0x0010;
    static final int FILE_EXECUTE = 0x0020;
    static final int FILE_DELETE_CHILD = 0x0040;
    static final int FILE_READ_ATTRIBUTES = 0x0080;
    static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    static final int DELETE = 0x00010000;
    static final int READ_CONTROL = 0x00020000;
    static final int WRITE_DAC = 0x00040000;
    static final int WRITE_OWNER = 0x00080000;
    static final int SYNCHRONIZE = 0x00100000;
    static final int ACCESS_SYSTEM_SECURITY = 0x01000000;
    static final int MAXIMUM_ALLOWED = 0x02000000;
    static final int GENERIC_ALL = 0x10000000;
    static final int GENERIC_EXECUTE = 0x20000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int GENERIC_READ = 0x80000000;

    static final int FILE_GENERIC_READ = READ_CONTROL | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE;
    static final int FILE_GENERIC_WRITE = READ_CONTROL | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA
            | FILE_APPEND_DATA | SYNCHRONIZE;
    static final int FILE_GENERIC_EXECUTE = READ_CONTROL | FILE_READ_ATTRIBUTES | FILE_EXECUTE | SYNCHRONIZE;
    static final int FILE_ALL_ACCESS = 0x001F01FF;
    /** Bits that change data or metadata: stripped on a read-only share. */
    static final int WRITE_BITS = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_EA | FILE_WRITE_ATTRIBUTES
            | FILE_DELETE_CHILD | DELETE | WRITE_DAC | WRITE_OWNER;
    /** Bits no valid DesiredAccess may carry (MS-SMB2 3.3.5.9: reserved). */
    static final int INVALID_BITS = 0x0CE0FE00;

    private PosixAccess() {
    }

    /** GENERIC_* expanded to file rights (MS-SMB2 2.2.13.1.1); MAXIMUM_ALLOWED kept for the caller. */
    static int mapGeneric(int desired) {
        int m = desired & ~(GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ);
        if ((desired & GENERIC_READ) != 0) {
            m |= FILE_GENERIC_READ;
        }
        if ((desired & GENERIC_WRITE) != 0) {
            m |= FILE_GENERIC_WRITE;
        }
        if ((desired & GENERIC_EXECUTE) != 0) {
            m |= FILE_GENERIC_EXECUTE;
        }
        if ((desired & GENERIC_ALL) != 0) {
            m |= FILE_ALL_ACCESS;
        }
        return m;
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
