package org.bossa.smb2.server;

import org.bossa.fscc.FileInfo;
import org.bossa.smb2.wire.CloseRequest;
import org.bossa.smb2.wire.CloseResponse;
import org.bossa.smb2.wire.NtStatus;

/** CLOSE (MS-SMB2 3.3.5.10), with the attributes after close when asked (POSTQUERY_ATTRIB). */
final class CloseHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        CloseRequest req = CloseRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        CloseResponse resp = CloseResponse.EMPTY;
        if (req.postQueryAttrib() && open.handle() != null) {
            FileInfo fi = FileInfos.of(open.handle(), open.path(), open.grantedAccess(), 0, false);
            resp = CloseResponse.withAttributes(fi.creationTime(), fi.lastAccessTime(), fi.lastWriteTime(),
                    fi.changeTime(), fi.allocationSize(), fi.endOfFile(), fi.fileAttributes());
        }
        if (!Opens.close(ctx.connection(), open)) {
            return Reply.error(NtStatus.FILE_CLOSED);
        }
        return Reply.ok(resp::encode);
    }
}
