package org.bossa.smb2.server;

import org.bossa.auth.Token;
import org.bossa.dcerpc.RpcCallContext;

/** The caller of an RPC over a named pipe, as the RPC layer sees it. */
final class PipeContexts {
    private PipeContexts() {
    }

    static RpcCallContext of(RequestContext ctx) {
        Token t = ctx.session().token();
        return new RpcCallContext(t.account(), t.domain(), ctx.connection().clientAddress(), administrator(t));
    }

    /** Root, members of BUILTIN\Administrators (S-1-5-32-544) and of a domain's Domain Admins. */
    static boolean administrator(Token t) {
        return t.isAdministrator();
    }
}
