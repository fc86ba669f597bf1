package org.bossa.dtyp;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps POSIX mode bits to an NT DACL and back, for files without a stored NT ACL, following what Samba's
 * posix_acls.c does when a file has only mode bits:
 * <ul>
 * <li>one ACCESS_ALLOWED ACE each for the owner SID (user bits), the group SID (group bits) and Everyone (other
 *     bits), left out when the bits are 0;</li>
 * <li>rwx maps to FILE_ALL_ACCESS ("acl map full control"), otherwise r to FILE_GENERIC_READ, w to
 *     FILE_GENERIC_WRITE (plus FILE_DELETE_CHILD on directories), x to FILE_GENERIC_EXECUTE;</li>
 * <li>on a directory the three ACEs also carry OBJECT_INHERIT|CONTAINER_INHERIT (the default ACL Samba
 *     synthesises equals the access ACL and is merged into it), and CREATOR OWNER / CREATOR GROUP get inherit-only
 *     ACEs with the user and group bits, so new children are owned as on POSIX.</li>
 * </ul>
 * The reverse mapping ({@link #modeFromDacl}) is best effort: for each of user, group and other it walks the
 * DACL in order and applies the first allow or deny seen for each of r, w and x among the ACEs that concern that
 * class (its own SID or Everyone; user and group also see Authenticated Users).
 */
public final class UnixModeAcl {
    public static final int S_IRUSR = 0400;
    public static final int S_IWUSR = 0200;
    public static final int S_IXUSR = 0100;
    public static final int PERMISSION_BITS = 0777;

    private static final int INHERIT = Ace.OBJECT_INHERIT_ACE | Ace.CONTAINER_INHERIT_ACE;

    private UnixModeAcl() {
    }

    /** The NT rights for one rwx triple (bits 4 = r, 2 = w, 1 = x). */
    public static int maskForPermissions(int rwx, boolean directory) {
        rwx &= 7;
        if (rwx == 7) {
            return AccessMask.FILE_ALL_ACCESS;
        }
        int m = 0;
        if ((rwx & 4) != 0) {
            m |= AccessMask.FILE_GENERIC_READ;
        }
        if ((rwx & 2) != 0) {
            m |= AccessMask.FILE_GENERIC_WRITE | (directory ? AccessMask.FILE_DELETE_CHILD : 0);
        }
        if ((rwx & 1) != 0) {
            m |= AccessMask.FILE_GENERIC_EXECUTE;
        }
        return m;
    }

    /** The rwx triple an NT mask grants (generic bits mapped first). */
    public static int permissionsForMask(int mask) {
        int m = AccessMask.mapGenericForFile(mask);
        int rwx = 0;
        if ((m & AccessMask.FILE_READ_DATA) != 0) {
            rwx |= 4;
        }
        if ((m & (AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA)) != 0) {
            rwx |= 2;
        }
        if ((m & AccessMask.FILE_EXECUTE) != 0) {
            rwx |= 1;
        }
        return rwx;
    }

    /** The DACL Samba would show for a file with these mode bits and no stored ACL. */
    public static Acl daclFromMode(Sid owner, Sid group, int mode, boolean directory) {
        List<Ace> aces = new ArrayList<>(5);
        int flags = directory ? INHERIT : 0;
        add(aces, owner, (mode >> 6) & 7, flags, directory);
        add(aces, group, (mode >> 3) & 7, flags, directory);
        add(aces, Sid.EVERYONE, mode & 7, flags, directory);
        if (directory) {
            add(aces, Sid.CREATOR_OWNER, (mode >> 6) & 7, INHERIT | Ace.INHERIT_ONLY_ACE, true);
            add(aces, Sid.CREATOR_GROUP, (mode >> 3) & 7, INHERIT | Ace.INHERIT_ONLY_ACE, true);
        }
        return new Acl(Acl.ACL_REVISION, aces);
    }

    /** The whole descriptor: owner, group and {@link #daclFromMode}. */
    public static SecurityDescriptor descriptorFromMode(Sid owner, Sid group, int mode, boolean directory) {
        return SecurityDescriptor.of(owner, group, daclFromMode(owner, group, mode, directory));
    }

    private static void add(List<Ace> aces, Sid sid, int rwx, int flags, boolean directory) {
        if (rwx != 0) {
            aces.add(Ace.allowed(sid, maskForPermissions(rwx, directory), flags));
        }
    }

    /**
     * Mode bits (0777 part only) for an incoming DACL; {@code null} (a NULL DACL) gives 0777.
     * Inherit-only ACEs and ACE types other than allow/deny are ignored.
     */
    public static int modeFromDacl(Acl dacl, Sid owner, Sid group) {
        if (dacl == null) {
            return PERMISSION_BITS;
        }
        int user = effective(dacl, owner, true);
        int grp = effective(dacl, group, true);
        int other = effective(dacl, null, false);
        return user << 6 | grp << 3 | other;
    }

    private static int effective(Acl dacl, Sid who, boolean authenticated) {
        int decided = 0;
        int granted = 0;
        for (Ace ace : dacl.aces()) {
            if (ace.isInheritOnly() || ace.sid() == null) {
                continue;
            }
            boolean applies = ace.sid().equals(Sid.EVERYONE) || (who != null && ace.sid().equals(who))
                    || (authenticated && ace.sid().equals(Sid.AUTHENTICATED_USERS));
            if (!applies) {
                continue;
            }
            int bits = permissionsForMask(ace.mask()) & ~decided;
            if (ace.type() == Ace.ACCESS_ALLOWED_ACE_TYPE) {
                granted |= bits;
                decided |= bits;
            } else if (ace.type() == Ace.ACCESS_DENIED_ACE_TYPE) {
                decided |= bits;
            }
        }
        return granted;
    }
}
