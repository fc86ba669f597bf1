package org.bossa.smb2.server;

import org.bossa.smb2.wire.TreeDisconnectRequest;
import org.bossa.smb2.wire.TreeDisconnectResponse;

/** TREE_DISCONNECT (MS-SMB2 3.3.5.8): closes the tree's opens. */
final class TreeDisconnectHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        TreeDisconnectRequest.decode(ctx.message());
        TreeConnect t = ctx.tree();
        Opens.closeTree(ctx.connection(), t);
        ctx.session().removeTree(t.id());
        return Reply.ok(TreeDisconnectResponse.INSTANCE::encode);
    }
}
