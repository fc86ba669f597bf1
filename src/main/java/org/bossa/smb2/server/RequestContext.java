package org.bossa.smb2.server;

import java.util.function.Consumer;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireReader;

/**
 * One request of a (possibly compound) frame: its header and bytes, the connection, and the session
 * and tree the dispatch table resolved. Handlers may set what the response header carries.
 */
public final class RequestContext {
    private final Connection connection;
    private final Smb2Header header;
    private final WireReader message;
    private final boolean encrypted;
    private final ChainState chain;
    Session session;
    TreeConnect tree;
    long responseSessionId;
    MessageSigner responseSigner;
    Consumer<byte[]> afterEncode;
    boolean failedLogon;

    RequestContext(Connection connection, Smb2Header header, WireReader message, boolean encrypted, ChainState chain) {
        this.connection = connection;
        this.header = header;
        this.message = message;
        this.encrypted = encrypted;
        this.chain = chain;
        this.responseSessionId = header.sessionId();
    }

    public Connection connection() {
        return connection;
    }

    public ServerContext server() {
        return connection.server();
    }

    public Smb2Header header() {
        return header;
    }

    /** The request message alone: offset 0 is its SMB2 header. */
    public WireReader message() {
        return message;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public Session session() {
        return session;
    }

    public TreeConnect tree() {
        return tree;
    }

    ChainState chain() {
        return chain;
    }

    /** SessionId the response header carries (SESSION_SETUP assigns a new one). */
    public void responseSessionId(long id) {
        responseSessionId = id;
    }

    /** Signs the response with this signer even if the request was not signed (final SESSION_SETUP). */
    public void signResponseWith(MessageSigner signer) {
        responseSigner = signer;
    }

    /** Called with the encoded, unsigned response message (SESSION_SETUP's preauth hash). */
    public void afterEncode(Consumer<byte[]> hook) {
        afterEncode = hook;
    }

    /** This request is a failed authentication: its reply waits out the failed-logon delay. */
    void failedLogon() {
        failedLogon = true;
    }

    /** The compound chain's current file: the FileId a related request's 0xFF..FF sentinel stands for. */
    public OpenResolver opens() {
        return new OpenResolver(this);
    }
}
