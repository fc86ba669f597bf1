package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import java.util.concurrent.CompletableFuture;
import org.bossa.smb2.wire.ChangeNotifyRequest;
import org.bossa.smb2.wire.NtStatus;

/**
 * CHANGE_NOTIFY (MS-SMB2 3.3.5.19). Change tracking is not built yet: the request goes async and
 * stays pending until cancelled or its directory is closed (STATUS_NOTIFY_CLEANUP), which is what a
 * client sees from a server where nothing changes.
 */
final class ChangeNotifyHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        ChangeNotifyRequest req = ChangeNotifyRequest.decode(ctx.message());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if (!open.isDirectory()) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        if ((open.grantedAccess() & AccessMask.FILE_READ_DATA) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        CompletableFuture<Reply> pending = new CompletableFuture<>();
        open.addNotify(pending);
        return Reply.async(pending);
    }
}
