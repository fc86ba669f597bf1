package org.bossa.smb2.server;

import org.bossa.auth.Token;
import org.bossa.dcerpc.RpcCallContext;

/** The caller of an RPC over a named pipe, as the RPC layer sees it. */
final class PipeContexts {
    private PipeContexts() {
    }

    static RpcCallContext of(RequestContext ctx) {
        Token t = ctx.session().token();
        return new RpcCallContext(t.account(), t.domain(), ctx.connection().clientAddress());
    }
}
