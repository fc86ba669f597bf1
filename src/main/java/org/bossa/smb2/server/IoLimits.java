package org.bossa.smb2.server;

import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.NtStatus;

/** Length checks shared by READ, WRITE, QUERY_DIRECTORY and IOCTL (MS-SMB2 3.3.5.2.5 multi-credit). */
final class IoLimits {
    private IoLimits() {
    }

    /** Fails with INVALID_PARAMETER when {@code length} exceeds the negotiated maximum or the CreditCharge. */
    static void check(RequestContext ctx, long length, int maximum) {
        if (length > maximum) {
            throw new SmbStatusException(NtStatus.INVALID_PARAMETER, "length " + length + " over " + maximum);
        }
        Dialect d = ctx.connection().dialect();
        if (d != Dialect.SMB_2_0_2 && length > 0) {
            long needed = (length - 1) / 65536 + 1;
            if (needed > Math.max(1, ctx.header().creditCharge())) {
                throw new SmbStatusException(NtStatus.INVALID_PARAMETER, "CreditCharge too small for " + length);
            }
        } else if (d == Dialect.SMB_2_0_2 && length > 65536) {
            throw new SmbStatusException(NtStatus.INVALID_PARAMETER);
        }
    }

    static int maxIo(RequestContext ctx) {
        return ctx.connection().dialect() == Dialect.SMB_2_0_2 ? 65536 : ctx.server().config().maxIoSize();
    }
}
