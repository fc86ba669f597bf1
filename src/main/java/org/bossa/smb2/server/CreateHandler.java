package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import java.util.ArrayList;
import java.util.List;
import org.bossa.auth.Token;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.fscc.FileAttributes;
import org.bossa.fscc.FileInfo;
import org.bossa.fscc.FileTime;
import org.bossa.locking.FileKey;
import org.bossa.locking.ShareModeTable;
import org.bossa.smb2.wire.CreateAction;
import org.bossa.smb2.wire.CreateContext;
import org.bossa.smb2.wire.CreateContexts;
import org.bossa.smb2.wire.CreateDisposition;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.CreateRequest;
import org.bossa.smb2.wire.CreateResponse;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.OplockLevel;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;

/**
 * CREATE (MS-SMB2 3.3.5.9, MS-FSA 2.1.5.1): open or create a file or directory beneath the share root,
 * or a named pipe on IPC$. Leases, oplocks and durable handles are requested but not granted yet.
 */
final class CreateHandler implements Handler {
    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    /** The file once found or made, before it becomes an Open. */
    private record Target(String rel, FileHandle handle, FileStat stat, CreateAction action, int maximal) {
    }

    @Override
    public Reply handle(RequestContext ctx) {
        CreateRequest req = CreateRequest.decode(ctx.message());
        int opts = req.createOptions();
        if ((opts & CreateOptions.FILE_DIRECTORY_FILE) != 0 && (opts & CreateOptions.FILE_NON_DIRECTORY_FILE) != 0) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        if ((req.desiredAccess() & PosixAccess.INVALID_BITS) != 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        int desired = AccessMask.mapGenericForFile(req.desiredAccess());
        if ((desired & AccessMask.ACCESS_SYSTEM_SECURITY) != 0) {
            return Reply.error(NtStatus.PRIVILEGE_NOT_HELD);
        }
        boolean deleteOnClose = (opts & CreateOptions.FILE_DELETE_ON_CLOSE) != 0;
        if (deleteOnClose && (desired & (AccessMask.DELETE | AccessMask.MAXIMUM_ALLOWED)) == 0) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        TreeConnect tree = ctx.tree();
        if (tree.ipc()) {
            return openPipe(ctx, req);
        }
        Token token = ctx.session().token();
        ShareRoot root = tree.root();
        String rel = root.resolve(ShareNames.components(req.name()));
        Target target = findOrCreate(ctx, req, root, rel, desired, token, false);
        try {
            return admit(ctx, req, target, desired, deleteOnClose);
        } catch (RuntimeException e) {
            target.handle().close();
            if (target.action() == CreateAction.CREATED) {
                // A refused open leaves nothing behind: undo the create.
                root.unlink(target.rel(), target.stat().isDirectory());
            }
            throw e;
        }
    }

    private Target findOrCreate(RequestContext ctx, CreateRequest req, ShareRoot root, String rel, int desired, Token token,
                                boolean raced) {
        int opts = req.createOptions();
        boolean wantDir = (opts & CreateOptions.FILE_DIRECTORY_FILE) != 0;
        boolean readOnlyShare = ctx.tree().share().readOnly();
        CreateDisposition disp = req.createDisposition();
        FileStat existing = Lookups.statOrNull(root, rel);
        boolean isRoot = rel.equals(".");
        FileStat parent = isRoot ? null : Lookups.statOrNull(root, ShareNames.parent(rel));
        if (existing != null) {
            if (disp == CreateDisposition.CREATE) {
                throw new SmbStatusException(NtStatus.OBJECT_NAME_COLLISION);
            }
            if (wantDir && !existing.isDirectory()) {
                throw new SmbStatusException(NtStatus.NOT_A_DIRECTORY);
            }
            if ((opts & CreateOptions.FILE_NON_DIRECTORY_FILE) != 0 && existing.isDirectory()) {
                throw new SmbStatusException(NtStatus.FILE_IS_A_DIRECTORY);
            }
            boolean overwrite = disp == CreateDisposition.OVERWRITE || disp == CreateDisposition.OVERWRITE_IF
                    || disp == CreateDisposition.SUPERSEDE;
            if (overwrite && existing.isDirectory()) {
                throw new SmbStatusException(NtStatus.INVALID_PARAMETER);
            }
            boolean parentWritable = parent != null && PosixAccess.canModifyDirectory(token, parent)
                    && PosixAccess.stickyAllowsDelete(token, parent, existing);
            int max = PosixAccess.maximal(token, existing, parentWritable, readOnlyShare);
            FileHandle h = root.open(rel, openMode(existing, desired | (overwrite ? AccessMask.FILE_WRITE_DATA : 0), max));
            DosAttributes.Stored dos = DosAttributes.read(h);
            if (!existing.isDirectory() && dos.stored()
                    && (dos.attributes() & FileAttributes.FILE_ATTRIBUTE_READONLY) != 0) {
                max &= ~(AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA | AccessMask.DELETE);
            }
            if (overwrite && (max & AccessMask.FILE_WRITE_DATA) == 0) {
                h.close();
                throw new SmbStatusException(NtStatus.ACCESS_DENIED);
            }
            CreateAction action = !overwrite ? CreateAction.OPENED
                    : disp == CreateDisposition.SUPERSEDE ? CreateAction.SUPERSEDED : CreateAction.OVERWRITTEN;
            return new Target(rel, h, existing, action, max);
        }
        if (disp == CreateDisposition.OPEN || disp == CreateDisposition.OVERWRITE) {
            throw new SmbStatusException(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        if (isRoot || parent == null) {
            throw new SmbStatusException(NtStatus.OBJECT_PATH_NOT_FOUND);
        }
        if (readOnlyShare) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (!PosixAccess.canModifyDirectory(token, parent)) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        FileHandle h;
        try {
            h = wantDir ? root.mkdir(rel, DIR_MODE)
                    : root.open(rel, OpenMode.readWrite().createNew(FILE_MODE).nonDirectory());
        } catch (VfsException e) {
            if (e.status() == NtStatus.OBJECT_NAME_COLLISION && disp != CreateDisposition.CREATE && !raced) {
                // Another client created it between our look and our create: open what it made.
                return findOrCreate(ctx, req, root, rel, desired, token, true);
            }
            throw e;
        }
        try {
            // Made by the user's own credentials (the tree's view): the kernel gave it the user's uid
            // and group (or the directory's, under a setgid directory), as any local create would.
            int attrs = (req.fileAttributes() & DosAttributes.SETTABLE)
                    | (wantDir ? 0 : FileAttributes.FILE_ATTRIBUTE_ARCHIVE);
            FileStat st = h.stat();
            try {
                DosAttributes.write(h, attrs, FileTime.fromEpochNanos(System.currentTimeMillis() * 1_000_000L));
            } catch (VfsException e) {
                // No user xattrs on this filesystem: attributes stay derived.
            }
            int max = PosixAccess.maximal(token, st, true, false) | AccessMask.FILE_ALL_ACCESS;
            return new Target(rel, h, st, CreateAction.CREATED, max);
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    private Reply admit(RequestContext ctx, CreateRequest req, Target t, int desired, boolean deleteOnClose) {
        int granted = (desired & AccessMask.MAXIMUM_ALLOWED) != 0
                ? t.maximal() | (desired & ~AccessMask.MAXIMUM_ALLOWED) : desired;
        if ((granted & ~t.maximal()) != 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        if (deleteOnClose && (granted & AccessMask.DELETE) == 0) {
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
        Connection conn = ctx.connection();
        OpenId id = conn.newOpenId();
        ShareModeTable.Admission adm = conn.server().shareModes()
                .acquire(new FileKey(t.stat().dev(), t.stat().ino()), id, granted, req.shareAccess());
        if (!adm.granted()) {
            throw new SmbStatusException(adm.status());
        }
        FileHandle h = t.handle();
        if (t.action() == CreateAction.OVERWRITTEN || t.action() == CreateAction.SUPERSEDED) {
            h.truncate(0);
            DosAttributes.write(h, (req.fileAttributes() & DosAttributes.SETTABLE) | FileAttributes.FILE_ATTRIBUTE_ARCHIVE,
                    FileInfos.creationTime(t.stat()));
        }
        if (t.action() != CreateAction.OPENED && !t.stat().isDirectory()) {
            allocate(h, req);
        }
        if (deleteOnClose && !t.stat().isDirectory()) {
            DosAttributes.Stored dos = DosAttributes.read(h);
            if ((dos.attributes() & FileAttributes.FILE_ATTRIBUTE_READONLY) != 0) {
                conn.server().shareModes().release(adm.state(), id);
                throw new SmbStatusException(NtStatus.CANNOT_DELETE);
            }
        }
        Open open = new Open(id, ctx.tree(), t.rel(), h, null, t.stat().isDirectory(), granted,
                req.shareAccess(), req.createOptions(), adm.state());
        open.deleteOnClose(deleteOnClose);
        conn.opens().add(open);
        ctx.opens().carry(open);
        FileInfo info = FileInfos.of(h, t.rel(), granted, 0, false);
        List<CreateContext> out = new ArrayList<>(2);
        if (CreateContexts.contains(req.contexts(), CreateContexts.QUERY_MAXIMAL_ACCESS)) {
            out.add(CreateContexts.maximalAccessResponse(NtStatus.SUCCESS, t.maximal()));
        }
        if (CreateContexts.contains(req.contexts(), CreateContexts.QUERY_ON_DISK_ID)) {
            out.add(CreateContexts.onDiskIdResponse(t.stat().ino(), t.stat().dev()));
        }
        CreateResponse resp = new CreateResponse(OplockLevel.NONE, 0, t.action(), info.creationTime(),
                info.lastAccessTime(), info.lastWriteTime(), info.changeTime(), info.allocationSize(),
                info.endOfFile(), info.fileAttributes(), id.fileId(), out);
        return Reply.ok(resp::encode);
    }

    /** The AlSi context (MS-SMB2 2.2.13.2.6): reserve space for a new or overwritten file. */
    private static void allocate(FileHandle h, CreateRequest req) {
        CreateContexts.find(req.contexts(), CreateContexts.ALLOCATION_SIZE).ifPresent(c -> {
            byte[] d = c.data();
            if (d.length < 8) {
                throw new SmbStatusException(NtStatus.INVALID_PARAMETER);
            }
            long size = 0;
            for (int i = 7; i >= 0; i--) {
                size = (size << 8) | (d[i] & 0xFF);
            }
            if (size > 0) {
                h.allocate(size);
            }
        });
    }

    private static Reply openPipe(RequestContext ctx, CreateRequest req) {
        String name = req.name();
        NamedPipe pipe = ctx.server().pipes().open(name, PipeContexts.of(ctx)).map(p -> BoundedPipe.of(ctx, p)).orElse(null);
        if (pipe == null) {
            return Reply.error(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        Connection conn = ctx.connection();
        OpenId id = conn.newOpenId();
        Open open = new Open(id, ctx.tree(), name, null, pipe, false, AccessMask.mapGenericForFile(req.desiredAccess()),
                req.shareAccess(), req.createOptions(), null);
        conn.opens().add(open);
        ctx.opens().carry(open);
        CreateResponse resp = new CreateResponse(OplockLevel.NONE, 0, CreateAction.OPENED, 0, 0, 0, 0, 4096, 0,
                FileAttributes.FILE_ATTRIBUTE_NORMAL, id.fileId(), List.of());
        return Reply.ok(resp::encode);
    }

    /** Data access needs a readable or writable descriptor; the server (root) opens what the check allowed. */
    private static OpenMode openMode(FileStat st, int desired, int max) {
        if (st.isDirectory()) {
            return OpenMode.read().directory();
        }
        if (!st.isRegular()) {
            return OpenMode.path();
        }
        boolean write = (desired & (AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA)) != 0
                || (desired & AccessMask.MAXIMUM_ALLOWED) != 0 && (max & AccessMask.FILE_WRITE_DATA) != 0;
        return write ? OpenMode.readWrite().nonDirectory() : OpenMode.read().nonDirectory();
    }
}
