package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import java.nio.ByteBuffer;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.WriteRequest;
import org.bossa.smb2.wire.WriteResponse;

/** WRITE (MS-SMB2 3.3.5.13) to a file or a named pipe; write-through data is on disk before the reply. */
final class WriteHandler implements Handler {
    private static final long APPEND_OFFSET = -1L; // 0xFFFFFFFFFFFFFFFF: write at end of file

    @Override
    public Reply handle(RequestContext ctx) {
        WriteRequest req = WriteRequest.decode(ctx.message());
        IoLimits.check(ctx, Integer.toUnsignedLong(req.dataLength()), IoLimits.maxIo(ctx));
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        ByteBuffer data = req.data(ctx.message());
        if (open.isPipe()) {
            int n = data.remaining();
            byte[] b = new byte[n];
            data.get(b);
            open.pipe().write(b, 0, n);
            return Reply.ok(new WriteResponse(n)::encode);
        }
        if (open.isDirectory()) {
            return Reply.error(NtStatus.INVALID_DEVICE_REQUEST);
        }
        int access = open.grantedAccess();
        if ((access & (AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA)) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        long offset = req.offset();
        if (offset == APPEND_OFFSET && (access & AccessMask.FILE_APPEND_DATA) != 0) {
            offset = open.handle().stat().size();
        } else if (offset < 0) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        int len = data.remaining();
        if (len > 0 && !open.fileState().locks().accessAllowed(open.owner(), offset, len, true)) {
            return Reply.error(NtStatus.FILE_LOCK_CONFLICT);
        }
        int written = open.handle().write(offset, data);
        if ((req.flags() & WriteRequest.FLAG_WRITE_THROUGH) != 0
                || (open.createOptions() & CreateOptions.FILE_WRITE_THROUGH) != 0) {
            open.handle().fdatasync();
        }
        open.position(offset + written);
        return Reply.ok(new WriteResponse(written)::encode);
    }
}
