package org.bossa.auth;

/**
 * The privileges a file server consults (MS-LSAD 3.1.1.2.1 names them; what each overrides is
 * MS-FSA's and MS-DTYP 2.5.3.2's business). Held by a {@link Token}; never inferred from a uid alone
 * except for root, which Samba also treats as holding every privilege.
 */
public enum Privilege {
    /** SeBackupPrivilege: read any file regardless of its DACL (with FILE_OPEN_FOR_BACKUP_INTENT). */
    BACKUP,
    /** SeRestorePrivilege: write any file and set any owner or group (MS-DTYP 2.5.3.2: owner checks). */
    RESTORE,
    /** SeTakeOwnershipPrivilege: take ownership of any object, for oneself only. */
    TAKE_OWNERSHIP,
    /** SeSecurityPrivilege: read and change SACLs (ACCESS_SYSTEM_SECURITY). */
    SECURITY
}
