package org.bossa.smb2.server;

import java.util.List;
import org.bossa.auth.Token;
import org.bossa.locking.FileKey;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.ShareRoot;

/**
 * Where a rename or a hard link (FileRenameInformation, FileLinkInformation; MS-FSA 2.1.5.15.11 and
 * 2.1.5.15.6) would put a file, and whether the caller may put it there. The checks a Windows server
 * makes before it changes a name: ADD_FILE (or ADD_SUBDIRECTORY for a directory) on the destination
 * directory, and DELETE on a file that would be replaced, which must not be open. Bossa derives both
 * rights from the POSIX mode until stored ACLs arrive; the kernel then checks the same call again
 * under the user's own credentials.
 *
 * @param path the on-disk relative path to use (an existing entry's spelling when one matches)
 * @param replaces the existing file the operation would replace; null when the name is free, or
 *     when it names the source itself (a case-only rename)
 * @param selfCaseChange the name differs from the source's only in case
 */
record LinkTarget(String path, FileStat replaces, boolean selfCaseChange) {

    /**
     * Resolves the SMB2 share-relative {@code name} for {@code source} and checks the caller's rights.
     *
     * @throws SmbStatusException OBJECT_NAME_INVALID, OBJECT_PATH_NOT_FOUND, OBJECT_NAME_COLLISION
     *     (an existing name without ReplaceIfExists), ACCESS_DENIED (no right on the destination
     *     directory or the replaced file, a replaced directory or open file)
     */
    static LinkTarget check(ServerContext server, ShareRoot root, Token token, FileStat source, String name,
                            boolean replaceIfExists) {
        String n = name.startsWith("\\") ? name.substring(1) : name;
        List<String> comps = ShareNames.components(n);
        if (comps.isEmpty()) {
            throw new SmbStatusException(NtStatus.OBJECT_NAME_INVALID);
        }
        String parent = root.resolve(comps.subList(0, comps.size() - 1));
        FileStat dir = Lookups.statOrNull(root, parent);
        if (dir == null || !dir.isDirectory()) {
            throw new SmbStatusException(NtStatus.OBJECT_PATH_NOT_FOUND);
        }
        // ADD_FILE and ADD_SUBDIRECTORY on a folder both come from its write and search bits
        if (!PosixAccess.canModifyDirectory(token, dir)) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        String literal = parent.equals(".") ? comps.getLast() : parent + "/" + comps.getLast();
        String existing = root.resolve(comps);
        FileStat other = Lookups.statOrNull(root, existing);
        if (other == null) {
            return new LinkTarget(literal, null, false);
        }
        if (other.ino() == source.ino() && other.dev() == source.dev()) {
            return new LinkTarget(literal, null, true);
        }
        if (!replaceIfExists) {
            throw new SmbStatusException(NtStatus.OBJECT_NAME_COLLISION);
        }
        if (other.isDirectory()) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        // DELETE on the replaced file: write access to its directory, and the sticky bit's rule.
        if (!PosixAccess.stickyAllowsDelete(token, dir, other)) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (server.shareModes().find(new FileKey(other.dev(), other.ino())) != null) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        return new LinkTarget(existing, other, false);
    }
}
