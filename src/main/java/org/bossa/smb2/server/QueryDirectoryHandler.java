package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import org.bossa.fscc.DirectoryEntry;
import org.bossa.fscc.DirectoryEntryWriter;
import org.bossa.fscc.FileInformationClass;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.QueryDirectoryRequest;
import org.bossa.smb2.wire.QueryDirectoryResponse;

/** QUERY_DIRECTORY (MS-SMB2 3.3.5.18): streams a directory across calls with DOS wildcard matching. */
final class QueryDirectoryHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        QueryDirectoryRequest req = QueryDirectoryRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if (!open.isDirectory() || open.handle() == null) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        if ((open.grantedAccess() & AccessMask.FILE_READ_DATA) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        FileInformationClass cls = FileInformationClass.fromCode(req.fileInformationClass());
        if (cls == null || !cls.isDirectoryClass()) {
            return Reply.error(NtStatus.INVALID_INFO_CLASS);
        }
        long outLen = Integer.toUnsignedLong(req.outputBufferLength());
        IoLimits.check(ctx, outLen, ctx.server().config().maxTransactSize());
        boolean restart = (req.flags() & (QueryDirectoryRequest.FLAG_RESTART_SCANS | QueryDirectoryRequest.FLAG_REOPEN)) != 0;
        DirectoryEntryWriter out;
        synchronized (open) {
            DirectoryCursor cursor = open.cursor();
            String pattern = req.fileName();
            if (cursor == null || restart || !pattern.isEmpty() && !pattern.equals(cursor.pattern())) {
                if (cursor != null) {
                    cursor.close();
                }
                cursor = new DirectoryCursor(open, pattern);
                open.cursor(cursor);
            }
            boolean single = (req.flags() & QueryDirectoryRequest.FLAG_RETURN_SINGLE_ENTRY) != 0;
            out = new DirectoryEntryWriter(cls, (int) outLen, single);
            DirectoryEntry e;
            while ((e = cursor.next()) != null) {
                if (!out.add(e)) {
                    cursor.unread(e);
                    break;
                }
            }
            if (out.isEmpty()) {
                if (e != null) {
                    return Reply.error(NtStatus.INFO_LENGTH_MISMATCH);
                }
                return Reply.error(cursor.returnedAny() ? NtStatus.NO_MORE_FILES : NtStatus.NO_SUCH_FILE);
            }
            cursor.markReturned();
        }
        return Reply.ok(QueryDirectoryResponse.of(out.toByteArray())::encode);
    }
}
