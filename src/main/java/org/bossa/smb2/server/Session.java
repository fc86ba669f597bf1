package org.bossa.smb2.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.Token;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.crypto.TransformCodec;

/** An SMB2 session (MS-SMB2 3.3.1.8): authentication state, keys, and its tree connects. */
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

    /** Makes the session valid with its identity and keys (or re-authenticates it). */
    void establish(Token t, MessageSigner s, TransformCodec c, boolean signRequired, boolean encrypt) {
        token = t;
        signer = s;
        codec = c;
        signingRequired = signRequired;
        encryptData = encrypt;
        authentication = null;
        state = State.VALID;
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

    TreeConnect addTree(java.util.function.IntFunction<TreeConnect> make) {
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

    java.util.Collection<TreeConnect> trees() {
        return trees.values();
    }
}
