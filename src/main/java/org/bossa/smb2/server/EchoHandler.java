package org.bossa.smb2.server;

import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.EchoResponse;

/** ECHO (MS-SMB2 3.3.5.17). */
final class EchoHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        EchoRequest.decode(ctx.message());
        return Reply.ok(EchoResponse.INSTANCE::encode);
    }
}
