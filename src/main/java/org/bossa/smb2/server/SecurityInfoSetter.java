package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.SecurityDescriptor;
import org.bossa.dtyp.Sid;
import org.bossa.dtyp.UnixModeAcl;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;

/**
 * SET_INFO of a security descriptor while NT ACLs cannot be stored yet: the DACL becomes POSIX mode
 * bits and a Unix-user owner becomes the file's owner, as Samba does on a share without acl_xattr.
 * What cannot be represented (a SACL, an owner with no POSIX id) is refused, not dropped.
 */
final class SecurityInfoSetter {
    private static final int OWNER = 0x1;
    private static final int GROUP = 0x2;
    private static final int DACL = 0x4;
    private static final int SACL = 0x8;
    private static final long UNIX_USERS_AUTHORITY = 22;

    private SecurityInfoSetter() {
    }

    static void apply(Open open, int securityInformation, byte[] buffer) {
        if (open.tree().share().readOnly()) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        int need = 0;
        if ((securityInformation & (OWNER | GROUP)) != 0) {
            need |= AccessMask.WRITE_OWNER;
        }
        if ((securityInformation & DACL) != 0) {
            need |= AccessMask.WRITE_DAC;
        }
        if ((securityInformation & SACL) != 0) {
            throw new SmbStatusException(NtStatus.PRIVILEGE_NOT_HELD);
        }
        if ((open.grantedAccess() & need) != need) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        SecurityDescriptor sd;
        try {
            sd = SecurityDescriptor.decode(buffer);
        } catch (DtypFormatException e) {
            throw new SmbStatusException(switch (e.kind()) {
                case SID -> NtStatus.INVALID_SID;
                case ACL -> NtStatus.INVALID_ACL;
                case SECURITY_DESCRIPTOR -> NtStatus.INVALID_SECURITY_DESCR;
            });
        }
        FileHandle h = open.handle();
        FileStat st = h.stat();
        long uid = Integer.toUnsignedLong(st.uid());
        long gid = Integer.toUnsignedLong(st.gid());
        if ((securityInformation & OWNER) != 0 && sd.owner() != null) {
            uid = posixId(sd.owner(), 1);
        }
        if ((securityInformation & GROUP) != 0 && sd.group() != null) {
            gid = posixId(sd.group(), 2);
        }
        if (uid != Integer.toUnsignedLong(st.uid()) || gid != Integer.toUnsignedLong(st.gid())) {
            h.chown((int) uid, (int) gid);
        }
        if ((securityInformation & DACL) != 0 && sd.hasDacl()) {
            int mode = UnixModeAcl.modeFromDacl(sd.dacl(), Sid.unixUser(uid), Sid.unixGroup(gid));
            h.chmod((st.mode() & 07000) | (mode & 0777));
        }
    }

    /** S-1-22-1-uid / S-1-22-2-gid (Samba's Unix users and groups); any other SID has no POSIX id yet. */
    private static long posixId(Sid sid, int kind) {
        if (sid.identifierAuthority() == UNIX_USERS_AUTHORITY && sid.subAuthorityCount() == 2
                && sid.subAuthority(0) == kind) {
            return sid.subAuthority(1);
        }
        throw new SmbStatusException(NtStatus.INVALID_OWNER);
    }
}
