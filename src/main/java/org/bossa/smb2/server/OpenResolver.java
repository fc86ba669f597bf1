package org.bossa.smb2.server;

import org.bossa.smb2.wire.NtStatus;

/** Finds the Open a request's FileId names, honouring a related compound's all-ones sentinel. */
public final class OpenResolver {
    private final RequestContext ctx;

    OpenResolver(RequestContext ctx) {
        this.ctx = ctx;
    }

    public Open resolve(long persistentId, long volatileId) {
        if (persistentId == -1L && volatileId == -1L && ctx.header().isRelated()) {
            Open carried = ctx.chain().file;
            if (carried == null) {
                NtStatus st = ctx.chain().lastError;
                throw new SmbStatusException(st != null ? st : NtStatus.INVALID_PARAMETER);
            }
            return carried;
        }
        Open open = ctx.connection().opens().get(volatileId);
        if (open == null || open.persistentId() != persistentId || open.tree() != ctx.tree()) {
            throw new SmbStatusException(NtStatus.FILE_CLOSED);
        }
        carry(open); // whatever file a request used is the one the next related request means
        return open;
    }

    /** Makes {@code open} the chain's current file for following related requests. */
    public void carry(Open open) {
        ctx.chain().file = open;
    }
}
