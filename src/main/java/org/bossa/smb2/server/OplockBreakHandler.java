package org.bossa.smb2.server;

import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.OplockBreakRequest;

/** OPLOCK_BREAK acknowledgement (MS-SMB2 3.3.5.22): no oplock or lease is granted yet, so none can be breaking. */
final class OplockBreakHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        OplockBreakRequest req = OplockBreakRequest.decode(ctx.message());
        ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        return Reply.error(NtStatus.INVALID_OPLOCK_PROTOCOL);
    }
}
