package org.bossa.smb2.server;

/** One SMB2 command's server logic (one class per command, like Samba's smb2_create.c ...). */
@FunctionalInterface
public interface Handler {
    /**
     * Answers one request. Throw {@link SmbStatusException} (or let a WireFormatException escape) to
     * fail just this request; throw {@link ConnectionFault} to drop the connection.
     */
    Reply handle(RequestContext ctx);
}
