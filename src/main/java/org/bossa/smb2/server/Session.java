package org.bossa.smb2.server;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.Token;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.crypto.TransformCodec;

/**
 * An SMB2 session (MS-SMB2 3.3.1.8): authentication state, keys, and its tree connects.
 *
 * <p>States: IN_PROGRESS (first authentication running) -> VALID -> EXPIRED (a failed
 * re-authentication or a logoff: the session is gone). A VALID session whose logon has an end time
 * (a Kerberos ticket's) is <em>expired</em> once that time passes (MS-SMB2 Session.ExpirationTime):
 * it stays VALID, keeps its keys, and answers most requests with NETWORK_SESSION_EXPIRED until a
 * re-authentication on the same session gives it a new end time.
 */
public final class Session {

    public enum State { IN_PROGRESS, VALID, EXPIRED }

    private final long id;
    private volatile State state = State.IN_PROGRESS;
    private SecurityContext authentication;
    private byte[] preauthHash;
    private volatile Token token;
    private volatile MessageSigner signer;
    private volatile TransformCodec codec;
    private volatile boolean signingRequired;
    private volatile boolean encryptData;
    private volatile Instant expiresAt;
    private final Map<Integer, TreeConnect> trees = new ConcurrentHashMap<>();
    private final AtomicInteger nextTreeId = new AtomicInteger(1);

    Session(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    SecurityContext authentication() {
        return authentication;
    }

    void authentication(SecurityContext ctx) {
        authentication = ctx;
    }

    byte[] preauthHash() {
        return preauthHash;
    }

    void preauthHash(byte[] h) {
        preauthHash = h;
    }

    public Token token() {
        return token;
    }

    /**
     * Makes the session valid with its identity and keys.
     *
     * @param expiry when the logon ends, or null if it does not
     */
    void establish(Token t, MessageSigner s, TransformCodec c, boolean signRequired, boolean encrypt, Instant expiry) {
        token = t;
        signer = s;
        codec = c;
        signingRequired = signRequired;
        encryptData = encrypt;
        expiresAt = expiry;
        authentication = null;
        state = State.VALID;
    }

    /**
     * A re-authentication of a valid session: a new identity and end time, the same keys. MS-SMB2
     * 3.3.5.5.3 derives keys on the first authentication only, and clients (Windows, Samba's) keep
     * signing with the first keys after a re-authentication.
     */
    void reauthenticate(Token t, Instant expiry) {
        token = t;
        expiresAt = expiry;
        authentication = null;
        state = State.VALID;
    }

    /** True once the session has keys, i.e. a SESSION_SETUP on it is a re-authentication. */
    boolean established() {
        return token != null;
    }

    /**
     * True if the logon has an end time and it has passed. Checked on every request: a logon
     * without an end time (NTLM, local users) costs a field read, not a clock read.
     */
    boolean expired() {
        Instant e = expiresAt;
        return e != null && !Instant.now().isBefore(e);
    }

    /** When the logon ends, or null if it does not. */
    Instant expiresAt() {
        return expiresAt;
    }

    public MessageSigner signer() {
        return signer;
    }

    public TransformCodec codec() {
        return codec;
    }

    public boolean signingRequired() {
        return signingRequired;
    }

    public boolean encryptData() {
        return encryptData;
    }

    public boolean isAnonymous() {
        Token t = token;
        return t != null && t.anonymous();
    }

    TreeConnect tree(int treeId) {
        return trees.get(treeId);
    }

    TreeConnect addTree(IntFunction<TreeConnect> make) {
        int tid = nextTreeId.getAndIncrement();
        TreeConnect t = make.apply(tid);
        trees.put(tid, t);
        return t;
    }

    TreeConnect removeTree(int treeId) {
        return trees.remove(treeId);
    }

    int treeCount() {
        return trees.size();
    }

    Collection<TreeConnect> trees() {
        return trees.values();
    }
}
