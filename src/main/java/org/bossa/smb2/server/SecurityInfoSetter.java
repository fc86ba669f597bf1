package org.bossa.smb2.server;

import org.bossa.auth.Privilege;
import org.bossa.auth.Token;
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
 * bits and an owner or group becomes the file's owner or group, as Samba does on a share without
 * acl_xattr. What cannot be represented (a SACL, a SID with no POSIX id) is refused, not dropped.
 *
 * <p>Who may set what (MS-DTYP 2.5.3.2 and Windows' SetSecurityInfo rules): the owner only to the
 * caller's own SID and the group only to one of the caller's groups, else INVALID_OWNER; with
 * SeRestorePrivilege any SID with a POSIX id; SeTakeOwnershipPrivilege lets the caller take
 * ownership for itself without WRITE_OWNER. A descriptor change never sets the setuid or setgid
 * bit: the kernel clears them on chown, and the mode written afterwards keeps only what the file
 * still has.
 */
final class SecurityInfoSetter {
    private static final int OWNER = 0x1;
    private static final int GROUP = 0x2;
    private static final int DACL = 0x4;
    private static final int SACL = 0x8;
    private static final long UNIX_USERS_AUTHORITY = 22;
    private static final int SPECIAL_BITS = 07000;

    private SecurityInfoSetter() {
    }

    static void apply(Open open, Token token, int securityInformation, byte[] buffer) {
        if (open.tree().share().readOnly()) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if ((securityInformation & SACL) != 0) {
            throw new SmbStatusException(NtStatus.PRIVILEGE_NOT_HELD);
        }
        if ((securityInformation & DACL) != 0 && (open.grantedAccess() & AccessMask.WRITE_DAC) == 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        SecurityDescriptor sd = decode(buffer);
        FileHandle h = open.handle();
        FileStat st = h.stat();
        long uid = Integer.toUnsignedLong(st.uid());
        long gid = Integer.toUnsignedLong(st.gid());
        if ((securityInformation & OWNER) != 0 && sd.owner() != null) {
            uid = ownerId(open, token, sd.owner());
        }
        if ((securityInformation & GROUP) != 0 && sd.group() != null) {
            gid = groupId(open, token, sd.group());
        }
        boolean chowned = false;
        if (uid != Integer.toUnsignedLong(st.uid()) || gid != Integer.toUnsignedLong(st.gid())) {
            h.chown((int) uid, (int) gid);
            chowned = true;
        }
        if ((securityInformation & DACL) != 0 && sd.hasDacl()) {
            // After a chown the kernel has cleared setuid/setgid where it had to; keep what is left.
            int special = (chowned ? h.stat().mode() : st.mode()) & SPECIAL_BITS;
            int mode = UnixModeAcl.modeFromDacl(sd.dacl(), Sid.unixUser(uid), Sid.unixGroup(gid));
            h.chmod(special | (mode & 0777));
        }
    }

    private static SecurityDescriptor decode(byte[] buffer) {
        try {
            return SecurityDescriptor.decode(buffer);
        } catch (DtypFormatException e) {
            throw new SmbStatusException(switch (e.kind()) {
                case SID -> NtStatus.INVALID_SID;
                case ACL -> NtStatus.INVALID_ACL;
                case SECURITY_DESCRIPTOR -> NtStatus.INVALID_SECURITY_DESCR;
            });
        }
    }

    /** The uid a new owner maps to, if this caller may make it the owner. */
    private static long ownerId(Open open, Token token, Sid owner) {
        boolean self = token.isUser(owner);
        boolean restore = token.holds(Privilege.RESTORE);
        boolean takeOwnership = self && token.holds(Privilege.TAKE_OWNERSHIP);
        if ((open.grantedAccess() & AccessMask.WRITE_OWNER) == 0 && !takeOwnership && !restore) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (self) {
            return token.uid();
        }
        if (!restore) {
            throw new SmbStatusException(NtStatus.INVALID_OWNER);
        }
        return unixId(owner, 1);
    }

    /** The gid a new primary group maps to, if this caller may set it. */
    private static long groupId(Open open, Token token, Sid group) {
        boolean restore = token.holds(Privilege.RESTORE);
        if ((open.grantedAccess() & AccessMask.WRITE_OWNER) == 0 && !restore) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (!token.isMemberOf(group) && !restore) {
            throw new SmbStatusException(NtStatus.INVALID_OWNER);
        }
        if (!token.groupSids().isEmpty() && group.equals(token.groupSids().getFirst())) {
            return token.gid(); // the primary group, in the DC's form
        }
        return unixId(group, 2);
    }

    /**
     * S-1-22-1-uid / S-1-22-2-gid (Samba's Unix users and groups); any other SID has no POSIX id
     * here until the identity service maps domain SIDs.
     */
    private static long unixId(Sid sid, int kind) {
        if (sid.identifierAuthority() == UNIX_USERS_AUTHORITY && sid.subAuthorityCount() == 2
                && sid.subAuthority(0) == kind) {
            return sid.subAuthority(1);
        }
        throw new SmbStatusException(NtStatus.INVALID_OWNER);
    }
}
