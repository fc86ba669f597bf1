package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import org.bossa.dcerpc.PipeRead;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ReadRequest;
import org.bossa.smb2.wire.ReadResponse;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireWriter;

/** READ (MS-SMB2 3.3.5.12) from a file or a named pipe. */
final class ReadHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        ReadRequest req = ReadRequest.decode(ctx.message());
        IoLimits.check(ctx, req.lengthUnsigned(), IoLimits.maxIo(ctx));
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        int length = req.length();
        if (open.isPipe()) {
            PipeRead pr = open.pipe().read(length);
            if (pr.data().length == 0) {
                return Reply.error(NtStatus.PIPE_EMPTY);
            }
            ReadResponse resp = ReadResponse.of(pr.data(), 0, pr.data().length);
            return Reply.of(pr.more() ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS, resp::encode);
        }
        if (open.isDirectory()) {
            return Reply.error(NtStatus.INVALID_DEVICE_REQUEST);
        }
        if ((open.grantedAccess() & (AccessMask.FILE_READ_DATA | AccessMask.FILE_EXECUTE)) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        if (req.offset() < 0) {
            return Reply.error(NtStatus.INVALID_PARAMETER);
        }
        if (!open.fileState().locks().accessAllowed(open.owner(), req.offset(), length, false)) {
            return Reply.error(NtStatus.FILE_LOCK_CONFLICT);
        }
        // Size the reply by what the file holds past the offset, not by what the client asked:
        // a READ of 8 MiB at the end of a small file must not allocate 8 MiB. (A file that grows
        // meanwhile is read up to its size when stat'ed, as a read racing a write may be.)
        long available = length == 0 ? 0 : Math.max(0, open.handle().stat().size() - req.offset());
        int want = (int) Math.min(Integer.toUnsignedLong(length), available);
        if (endOfFile(want, length, req.minimumCount())) {
            return Reply.error(NtStatus.END_OF_FILE);
        }
        // The data goes straight into the response message (header, 16-byte fixed part, data).
        WireWriter msg = new WireWriter(ReadResponse.DATA_OFFSET + want);
        msg.advance(Smb2Header.SIZE);
        int fixedAt = msg.position();
        ReadResponse.encodeFixedPart(msg, want, 0);
        int dataAt = msg.advance(want);
        int total = want == 0 ? 0 : open.handle().read(req.offset(), msg.array(), dataAt, want);
        if (endOfFile(total, length, req.minimumCount())) {
            return Reply.error(NtStatus.END_OF_FILE);
        }
        if (total < want) {
            msg.seek(fixedAt);
            ReadResponse.encodeFixedPart(msg, total, 0);
            msg.seek(dataAt + total);
        }
        open.position(req.offset() + total);
        return Reply.prebuilt(msg);
    }

    /** MS-SMB2 3.3.5.12: nothing to read where something was asked, or less than MinimumCount. */
    private static boolean endOfFile(int got, int length, int minimumCount) {
        return got == 0 && length > 0 || Integer.toUnsignedLong(got) < Integer.toUnsignedLong(minimumCount);
    }
}
