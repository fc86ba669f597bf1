/**
 * The handle-based filesystem layer every SMB file operation goes through.
 *
 * <p>{@link org.bossa.vfs.ShareRoot} holds the share's directory open; clients' names are turned
 * into on-disk relative paths by {@link org.bossa.vfs.ShareRoot#resolve} (validation and
 * case-insensitive matching, {@link org.bossa.vfs.Names}, {@link org.bossa.vfs.NameFold}) and every
 * open is one openat2(2) from the root descriptor with RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS, so
 * the kernel, not string checks, keeps lookups inside the share. Nothing here uses java.nio.file on
 * paths inside a share.
 *
 * <p>Errors are {@link org.bossa.vfs.VfsException}: the errno and the NT status to return
 * ({@link org.bossa.vfs.posix.Errno#toStatus} holds the table).
 *
 * <p>Threads: the calls are blocking system calls made through FFM. On a virtual thread a
 * downcall occupies its carrier thread until it returns (the JDK does not compensate as it does for
 * blocking java.io), so slow storage can starve the virtual-thread scheduler; the server should
 * size the scheduler's parallelism or run VFS calls for slow shares on a bounded platform-thread
 * pool.
 *
 * <p>Credentials: {@link org.bossa.vfs.ShareRoot#as} views run every call, and every call on the
 * handles they open, with a user's uid, gid and groups in the kernel
 * ({@link org.bossa.vfs.FsIdentity}, {@link org.bossa.vfs.posix.CredentialScope}); a virtual thread
 * is pinned to its carrier for the length of each such call.
 */
package org.bossa.vfs;
