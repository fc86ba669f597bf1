package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import java.security.SecureRandom;
import org.bossa.fscc.FileAllocationInformation;
import org.bossa.fscc.FileAttributes;
import org.bossa.fscc.FileBasicInformation;
import org.bossa.fscc.FileDispositionInformation;
import org.bossa.fscc.FileDispositionInformationEx;
import org.bossa.fscc.FileEndOfFileInformation;
import org.bossa.fscc.FileInformationClass;
import org.bossa.fscc.FileLinkInformation;
import org.bossa.fscc.FileModeInformation;
import org.bossa.fscc.FilePositionInformation;
import org.bossa.fscc.FileRenameInformation;
import org.bossa.fscc.FileTime;
import org.bossa.locking.FileKey;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.SetInfoRequest;
import org.bossa.smb2.wire.SetInfoResponse;
import org.bossa.vfs.DirectoryReader;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;

/**
 * SET_INFO (MS-SMB2 3.3.5.21, MS-FSA 2.1.5.15): times and attributes, end of file, allocation,
 * position, mode, rename, hard link and delete disposition; security descriptors as POSIX owner and mode.
 */
final class SetInfoHandler implements Handler {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Reply handle(RequestContext ctx) {
        SetInfoRequest req = SetInfoRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        switch (req.infoType()) {
            case FILE -> {
                if (open.isPipe()) {
                    return Reply.error(NtStatus.NOT_SUPPORTED);
                }
                return file(ctx, open, req);
            }
            case SECURITY -> {
                if (open.isPipe()) {
                    return Reply.error(NtStatus.NOT_SUPPORTED);
                }
                SecurityInfoSetter.apply(open, ctx.session().token(), req.additionalInformation(), req.buffer());
                return Reply.ok(SetInfoResponse.INSTANCE::encode);
            }
            default -> {
                return Reply.error(NtStatus.NOT_SUPPORTED);
            }
        }
    }

    private Reply file(RequestContext ctx, Open open, SetInfoRequest req) {
        FileInformationClass cls = FileInformationClass.fromCode(req.fileInfoClass());
        if (cls == null) {
            return Reply.error(NtStatus.INVALID_INFO_CLASS);
        }
        boolean readOnlyShare = open.tree().share().readOnly();
        byte[] in = req.buffer();
        switch (cls) {
            case FileBasicInformation -> basic(open, FileBasicInformation.decode(in), readOnlyShare);
            case FileEndOfFileInformation -> {
                FileEndOfFileInformation eof = FileEndOfFileInformation.decode(in);
                requireData(open, readOnlyShare);
                open.handle().truncate(eof.endOfFile());
            }
            case FileAllocationInformation -> {
                FileAllocationInformation a = FileAllocationInformation.decode(in);
                requireData(open, readOnlyShare);
                long size = open.handle().stat().size();
                if (a.allocationSize() < size) {
                    open.handle().truncate(a.allocationSize());
                } else {
                    open.handle().allocate(a.allocationSize());
                }
            }
            case FilePositionInformation -> open.position(FilePositionInformation.decode(in).currentByteOffset());
            case FileModeInformation -> FileModeInformation.decode(in);
            case FileDispositionInformation -> dispose(ctx, open, FileDispositionInformation.decode(in).deletePending(), false);
            case FileDispositionInformationEx -> {
                FileDispositionInformationEx d = FileDispositionInformationEx.decode(in);
                dispose(ctx, open, d.delete(), d.ignoreReadOnlyAttribute());
            }
            case FileRenameInformation -> rename(ctx, open, FileRenameInformation.decode(in), readOnlyShare);
            case FileLinkInformation -> link(ctx, open, FileLinkInformation.decode(in), readOnlyShare);
            case FileFullEaInformation -> throw new SmbStatusException(NtStatus.EAS_NOT_SUPPORTED);
            default -> throw new SmbStatusException(NtStatus.INVALID_INFO_CLASS);
        }
        return Reply.ok(SetInfoResponse.INSTANCE::encode);
    }

    private static void requireData(Open open, boolean readOnlyShare) {
        if (readOnlyShare || (open.grantedAccess() & AccessMask.FILE_WRITE_DATA) == 0 || open.isDirectory()) {
            throw new SmbStatusException(open.isDirectory() ? NtStatus.INVALID_PARAMETER : NtStatus.ACCESS_DENIED);
        }
    }

    private static void basic(Open open, FileBasicInformation b, boolean readOnlyShare) {
        if (readOnlyShare || (open.grantedAccess() & AccessMask.FILE_WRITE_ATTRIBUTES) == 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        FileHandle h = open.handle();
        Long atime = b.lastAccessAction() == FileTime.SetAction.SET ? FileTime.toEpochNanos(b.lastAccessTime()) : null;
        Long mtime = b.lastWriteAction() == FileTime.SetAction.SET ? FileTime.toEpochNanos(b.lastWriteTime()) : null;
        if (atime != null || mtime != null) {
            h.setTimes(atime, mtime);
        }
        boolean setCreation = b.creationAction() == FileTime.SetAction.SET;
        boolean setChange = b.changeAction() == FileTime.SetAction.SET;
        if (setCreation || setChange || b.fileAttributes() != 0) {
            FileStat st = h.stat();
            DosAttributes.Stored dos = DosAttributes.read(h);
            int attrs = dos.stored() ? dos.attributes() : (st.isDirectory() ? 0 : FileAttributes.FILE_ATTRIBUTE_ARCHIVE);
            if (b.fileAttributes() != 0) {
                attrs = FileAttributes.validateForSet(b.fileAttributes(), st.isDirectory());
            }
            long creation = setCreation ? b.creationTime()
                    : dos.stored() && dos.creationTime() != 0 ? dos.creationTime() : FileInfos.creationTime(st);
            long change = setChange ? b.changeTime() : dos.changeTime();
            long mtimeAtSet = setChange ? st.mtimeNanos() : dos.mtimeAtSet();
            DosAttributes.write(h, attrs, creation, change, mtimeAtSet);
        }
    }

    private static void dispose(RequestContext ctx, Open open, boolean delete, boolean ignoreReadOnly) {
        if ((open.grantedAccess() & AccessMask.DELETE) == 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (delete) {
            if (open.path().equals(".")) {
                throw new SmbStatusException(NtStatus.CANNOT_DELETE);
            }
            DosAttributes.Stored dos = DosAttributes.read(open.handle());
            if (!ignoreReadOnly && (dos.attributes() & FileAttributes.FILE_ATTRIBUTE_READONLY) != 0) {
                throw new SmbStatusException(NtStatus.CANNOT_DELETE);
            }
            if (open.isDirectory() && !isEmpty(open.handle())) {
                throw new SmbStatusException(NtStatus.DIRECTORY_NOT_EMPTY);
            }
        }
        open.fileState().deletePending(delete);
        open.deleteOnClose(delete);
    }

    /** Opens of this connection beneath {@code dir} (other connections' are not tracked by path yet). */
    private static boolean hasOpenBelow(Connection conn, Open dir) {
        String prefix = dir.path() + "/";
        for (Open o : conn.opens().values()) {
            if (o != dir && o.tree().share() == dir.tree().share() && o.path().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(FileHandle dir) {
        try (FileHandle h = dir.reopen(OpenMode.read().directory()); DirectoryReader r = h.list()) {
            return r.next() == null;
        }
    }

    private static void rename(RequestContext ctx, Open open, FileRenameInformation r, boolean readOnlyShare) {
        if (readOnlyShare || (open.grantedAccess() & AccessMask.DELETE) == 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (r.rootDirectory() != 0) {
            throw new SmbStatusException(NtStatus.INVALID_PARAMETER);
        }
        if (open.path().equals(".")) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (open.isDirectory() && hasOpenBelow(ctx.connection(), open)) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED); // Windows refuses to move a tree in use
        }
        ShareRoot root = open.tree().root();
        LinkTarget target = LinkTarget.check(ctx.server(), root, ctx.session().token(), open.handle().stat(),
                r.fileName(), r.replaceIfExists());
        if (!ctx.server().shareModes().othersShareDelete(open.fileState(), open.owner())) {
            throw new SmbStatusException(NtStatus.SHARING_VIOLATION);
        }
        FileStat parentStat = Lookups.statOrNull(root, ShareNames.parent(open.path()));
        if (parentStat != null && ctx.server().shareModes().parentBlocksRename(
                new FileKey(parentStat.dev(), parentStat.ino()), open.owner())) {
            throw new SmbStatusException(NtStatus.SHARING_VIOLATION);
        }
        if (target.path().equals(open.path())) {
            return;
        }
        root.rename(open.path(), target.path(), target.replaces() != null || target.selfCaseChange());
        open.path(target.path());
    }

    /**
     * FileLinkInformation (MS-FSA 2.1.5.15.6): a new name for a file. The caller needs no right on
     * the file itself beyond its open, but the same rights as a rename on the destination; a
     * directory cannot be linked.
     */
    private static void link(RequestContext ctx, Open open, FileLinkInformation l, boolean readOnlyShare) {
        if (readOnlyShare) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (l.rootDirectory() != 0) {
            throw new SmbStatusException(NtStatus.INVALID_PARAMETER);
        }
        if (open.isDirectory()) {
            throw new SmbStatusException(NtStatus.FILE_IS_A_DIRECTORY);
        }
        ShareRoot root = open.tree().root();
        LinkTarget target = LinkTarget.check(ctx.server(), root, ctx.session().token(), open.handle().stat(),
                l.fileName(), l.replaceIfExists());
        if (target.selfCaseChange()) {
            throw new SmbStatusException(NtStatus.OBJECT_NAME_COLLISION);
        }
        if (target.replaces() == null) {
            root.link(open.path(), target.path());
            return;
        }
        // Replace atomically: link under a private name beside the target, then rename it over the
        // target, so a failure never leaves the replaced file gone and the new name missing.
        String parent = ShareNames.parent(target.path());
        String temp = (parent.equals(".") ? "" : parent + "/") + ".bossa-link-" + Long.toHexString(RANDOM.nextLong());
        root.link(open.path(), temp);
        try {
            root.rename(temp, target.path(), true);
        } catch (RuntimeException e) {
            root.unlink(temp, false);
            throw e;
        }
    }
}
