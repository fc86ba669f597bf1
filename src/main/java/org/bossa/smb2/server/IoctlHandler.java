package org.bossa.smb2.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.bossa.dcerpc.PipeRead;
import org.bossa.fscc.FsctlCodes;
import org.bossa.fscc.NetworkInterfaceInfo;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.IoctlRequest;
import org.bossa.smb2.wire.IoctlResponse;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ValidateNegotiateInfoRequest;
import org.bossa.smb2.wire.ValidateNegotiateInfoResponse;

/**
 * IOCTL (MS-SMB2 3.3.5.15): FSCTL_VALIDATE_NEGOTIATE_INFO, FSCTL_QUERY_NETWORK_INTERFACE_INFO and
 * FSCTL_PIPE_TRANSCEIVE; every other control code is STATUS_NOT_SUPPORTED for now.
 */
final class IoctlHandler implements Handler {
    private static final long LINK_SPEED = 10_000_000_000L;

    @Override
    public Reply handle(RequestContext ctx) {
        IoctlRequest req = IoctlRequest.decode(ctx.message());
        if ((req.flags() & IoctlRequest.FLAG_IS_FSCTL) == 0) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        long maxOut = Integer.toUnsignedLong(req.maxOutputResponse());
        IoLimits.check(ctx, Math.max(maxOut, req.input().length), ctx.server().config().maxTransactSize());
        return switch (req.ctlCode()) {
            case FsctlCodes.FSCTL_VALIDATE_NEGOTIATE_INFO -> validateNegotiate(ctx, req);
            case FsctlCodes.FSCTL_QUERY_NETWORK_INTERFACE_INFO -> interfaces(ctx, req);
            case FsctlCodes.FSCTL_PIPE_TRANSCEIVE -> transceive(ctx, req, (int) Math.min(maxOut, Integer.MAX_VALUE));
            case FsctlCodes.FSCTL_CREATE_OR_GET_OBJECT_ID, FsctlCodes.FSCTL_GET_OBJECT_ID -> objectId(ctx, req, maxOut);
            case FsctlCodes.FSCTL_DFS_GET_REFERRALS, FsctlCodes.FSCTL_DFS_GET_REFERRALS_EX ->
                    Reply.error(NtStatus.FS_DRIVER_REQUIRED);
            default -> {
                ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
                yield Reply.error(NtStatus.NOT_SUPPORTED);
            }
        };
    }

    /** MS-SMB2 3.3.5.15.12: the negotiate the client saw must be the one the server made, else hang up. */
    private static Reply validateNegotiate(RequestContext ctx, IoctlRequest req) {
        Connection conn = ctx.connection();
        if (conn.dialect() == Dialect.SMB_3_1_1) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        ValidateNegotiateInfoRequest v = ValidateNegotiateInfoRequest.decode(req.input());
        List<Integer> offered = new ArrayList<>();
        for (int d : conn.clientDialects) {
            offered.add(d);
        }
        boolean match = v.capabilities() == conn.clientCapabilities
                && java.util.Arrays.equals(v.clientGuid(), conn.clientGuid)
                && v.securityMode() == conn.clientSecurityMode
                && v.dialects().equals(offered);
        if (!match) {
            throw new ConnectionFault("VALIDATE_NEGOTIATE_INFO does not match the negotiate");
        }
        ValidateNegotiateInfoResponse resp = new ValidateNegotiateInfoResponse(conn.serverCapabilities,
                ctx.server().config().serverGuid(), conn.serverSecurityMode, conn.dialect());
        return Reply.ok(IoctlResponse.of(req.ctlCode(), req.fileId(), resp.toBytes())::encode);
    }

    private static Reply interfaces(RequestContext ctx, IoctlRequest req) {
        try {
            InetAddress local = InetAddress.getByName(ctx.connection().localAddress());
            byte[] out = NetworkInterfaceInfo.encode(List.of(new NetworkInterfaceInfo(1, 0, LINK_SPEED, local)));
            return Reply.ok(IoctlResponse.of(req.ctlCode(), req.fileId(), out)::encode);
        } catch (java.net.UnknownHostException e) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
    }

    /**
     * FILE_OBJECTID_BUFFER (MS-FSCC 2.1.3): Bossa stores no object ids, it derives a stable one from
     * the file's device and inode (ObjectId = BirthObjectId), so the same file always answers the same.
     */
    private static Reply objectId(RequestContext ctx, IoctlRequest req, long maxOut) {
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if (open.isPipe()) {
            return Reply.error(NtStatus.INVALID_DEVICE_REQUEST);
        }
        if (maxOut < 64) {
            return Reply.error(NtStatus.BUFFER_TOO_SMALL);
        }
        var st = open.handle().stat();
        org.bossa.smb2.wire.WireWriter w = new org.bossa.smb2.wire.WireWriter(64);
        w.u64(st.ino()).u64(st.dev()).zeros(16).u64(st.ino()).u64(st.dev()).zeros(16);
        return Reply.ok(IoctlResponse.of(req.ctlCode(), req.fileId(), w.toByteArray())::encode);
    }

    private static Reply transceive(RequestContext ctx, IoctlRequest req, int maxOut) {
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        if (!open.isPipe()) {
            return Reply.error(NtStatus.INVALID_DEVICE_REQUEST);
        }
        PipeRead r = open.pipe().transceive(req.input(), maxOut);
        return Reply.of(r.more() ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS,
                IoctlResponse.of(req.ctlCode(), req.fileId(), r.data())::encode);
    }
}
