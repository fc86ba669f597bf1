package org.bossa.smb2.server;

import org.bossa.smb2.wire.LogoffRequest;
import org.bossa.smb2.wire.LogoffResponse;
import org.bossa.smb2.wire.NtStatus;

/** LOGOFF (MS-SMB2 3.3.5.6): ends the session, its trees and opens. */
final class LogoffHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        LogoffRequest.decode(ctx.message());
        Session s = ctx.session();
        Connection conn = ctx.connection();
        conn.async.cancelSession(s.id(), NtStatus.USER_SESSION_DELETED);
        for (TreeConnect t : s.trees()) {
            Opens.closeTree(conn, t);
        }
        s.state(Session.State.EXPIRED);
        conn.sessions().remove(s.id());
        conn.server().sessions().remove(s.id());
        return Reply.ok(LogoffResponse.INSTANCE::encode);
    }
}
