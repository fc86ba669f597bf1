package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import org.bossa.smb2.wire.FlushRequest;
import org.bossa.smb2.wire.FlushResponse;
import org.bossa.smb2.wire.NtStatus;

/** FLUSH (MS-SMB2 3.3.5.11): data and metadata to stable storage. */
final class FlushHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        FlushRequest req = FlushRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if ((open.grantedAccess() & (AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA)) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        if (open.handle() != null && !open.isDirectory()) {
            open.handle().fsync();
        }
        return Reply.ok(FlushResponse.INSTANCE::encode);
    }
}
