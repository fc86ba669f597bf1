package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.List;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.crypto.TransformCodec;
import org.bossa.smb2.crypto.TransformException;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb1Negotiate;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireFormatException;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WireWriter;
import org.bossa.text.LogSafe;
import org.bossa.vfs.IdentityScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frame's path through the server: SMB1 probe or transform (decrypt), then each message of a
 * compound chain through header checks, credits, session and signature, tree, the handler; then the
 * responses chained, signed or encrypted, and written.
 */
final class FrameProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);
    private static final LimitLog ASYNC_LOG = new LimitLog("bossa.limits.max-pending-async");
    private static final LimitLog OPENS_LOG = new LimitLog("bossa.limits.max-opens-per-session");
    private static final LimitLog TREES_LOG = new LimitLog("bossa.limits.max-trees-per-session");

    private final Connection conn;
    private final Dispatcher dispatcher;
    private boolean delayReply; // the frame being processed holds a failed logon (worker only)

    FrameProcessor(Connection conn) {
        this.conn = conn;
        this.dispatcher = Dispatcher.INSTANCE;
    }

    /** A response message and what to do with it before it is chained. */
    private record Out(byte[] msg, int len, MessageSigner signer, Session encryptFor) {
    }

    void process(byte[] frame) {
        if (conn.state() == Connection.State.AWAITING_NEGOTIATE && Smb1Negotiate.isSmb1(frame)) {
            NegotiateHandler.answerSmb1(conn, frame);
            return;
        }
        if (frame.length < 4) {
            throw new ConnectionFault("runt frame");
        }
        WireReader whole = new WireReader(frame);
        boolean encrypted = false;
        Session encryptedFor = null;
        if (whole.u32(0) == TransformCodec.PROTOCOL_ID) {
            if (conn.dialect() == null || !conn.dialect().isSmb3()) {
                throw new ConnectionFault("transform header before SMB 3 was negotiated");
            }
            try {
                encryptedFor = conn.sessions().get(TransformCodec.sessionIdOf(frame, 0));
                if (encryptedFor == null || encryptedFor.codec() == null) {
                    throw new ConnectionFault("transform header for an unknown session");
                }
                frame = encryptedFor.codec().decrypt(frame, 0, frame.length);
            } catch (TransformException e) {
                throw new ConnectionFault("decryption failed: " + e.getMessage());
            }
            encrypted = true;
            whole = new WireReader(frame);
        }
        if (whole.length() < Smb2Header.SIZE || whole.u32(0) != Smb2Header.PROTOCOL_ID) {
            throw new ConnectionFault("not an SMB2 message");
        }
        List<Out> outs = new ArrayList<>(2);
        delayReply = false;
        ChainState chain = new ChainState();
        int off = 0;
        boolean first = true;
        while (true) {
            int next = whole.u32(off + 20);
            int len;
            if (next == 0) {
                len = frame.length - off;
            } else {
                if ((next & 7) != 0 || next < Smb2Header.SIZE || next > frame.length - off - Smb2Header.SIZE) {
                    throw new ConnectionFault("NextCommand " + next + " does not point at a message");
                }
                len = next;
            }
            Out out = one(new WireReader(frame, off, len), encrypted, encryptedFor, chain, first, next == 0);
            if (out != null) {
                outs.add(out);
            }
            first = false;
            if (next == 0) {
                break;
            }
            off += next;
        }
        if (delayReply) {
            conn.sendAfterFailedLogon(() -> sendChain(outs));
        } else {
            sendChain(outs);
        }
    }

    private Out one(WireReader msg, boolean encrypted, Session encryptedFor, ChainState chain, boolean first,
                    boolean last) {
        Smb2Header h;
        try {
            h = Smb2Header.decode(msg);
        } catch (WireFormatException e) {
            throw new ConnectionFault("bad SMB2 header: " + e.getMessage());
        }
        if (h.isResponse()) {
            throw new ConnectionFault("client sent a response");
        }
        Smb2Command command = Smb2Command.fromCode(h.command());
        if (conn.state() == Connection.State.AWAITING_NEGOTIATE && command != Smb2Command.NEGOTIATE) {
            throw new ConnectionFault("first request is not NEGOTIATE");
        }
        if (conn.state() == Connection.State.NEGOTIATED && command == Smb2Command.NEGOTIATE) {
            throw new ConnectionFault("second NEGOTIATE");
        }
        if (command == Smb2Command.CANCEL) {
            cancel(new RequestContext(conn, h, msg, encrypted, chain), encryptedFor);
            return null;
        }
        int charge = chargeOf(h);
        if (!conn.credits.consume(h.messageId(), charge)) {
            throw new ConnectionFault("MessageId " + h.messageId() + " (charge " + charge + ") outside the credit window");
        }
        if (!h.isRelated()) {
            chain.reset(); // an unrelated request starts a new chain (MS-SMB2 3.3.5.2.7.1)
        }
        RequestContext ctx = new RequestContext(conn, h, msg, encrypted, chain);
        Reply reply;
        String detail = null;
        boolean requestSigned = h.isSigned();
        try {
            if (command == null || h.isRelated() && first) {
                reply = Reply.error(NtStatus.INVALID_PARAMETER); // a chain cannot start "related"
            } else {
                reply = dispatch(ctx, command, encrypted, encryptedFor, chain);
            }
        } catch (RuntimeException e) {
            NtStatus st = RequestFailures.statusOf(e);
            if (st == null) {
                throw e; // not a request-scoped failure: the connection worker drops the connection
            }
            reply = Reply.error(st);
            detail = e.getMessage();
        }
        if (ctx.failedLogon) {
            delayReply = true;
        }
        if (LOG.isDebugEnabled() && reply.status().isError()) {
            LOG.debug("{} -> {}{}", command, reply.status().ntName(), detail == null ? "" : " (" + LogSafe.quote(detail) + ")");
        }
        if (reply.status().isError() && command != Smb2Command.SESSION_SETUP) {
            chain.lastError = reply.status();
        }
        Session s = ctx.session;
        MessageSigner signer = ctx.responseSigner;
        if (signer == null && s != null && s.signer() != null && (requestSigned || s.signingRequired())) {
            signer = s.signer();
        }
        if (reply.status() == NtStatus.USER_SESSION_DELETED
                || reply.status() == NtStatus.NETWORK_SESSION_EXPIRED && (s == null || s.state() != Session.State.VALID)) {
            // the session the request named is gone: there is no key to sign with. A session whose
            // logon merely expired keeps its keys, and clients require its answers signed.
            signer = null;
        }
        Session encryptFor = encrypted ? encryptedFor : policyEncryption(command, s, ctx.tree);
        int credits = conn.credits.grant(h.credits());
        Smb2Header rh = h.response(reply.status(), credits).withIds(ctx.responseSessionId,
                ctx.tree != null ? ctx.tree.id() : h.treeId());
        if (reply.isAsync() && !last) {
            // Only the last request of a compound may go async; Windows and Samba fail the others.
            reply.pending().complete(Reply.error(NtStatus.CANCELLED));
            reply = Reply.error(NtStatus.INTERNAL_ERROR);
            rh = h.response(reply.status(), credits).withIds(ctx.responseSessionId, rh.treeId());
        }
        if (reply.isAsync()) {
            AsyncTable.Pending p = conn.async.add(h.messageId(), ctx.responseSessionId, reply.pending());
            Smb2Header ah = rh.withAsync(p.asyncId());
            MessageSigner finalSigner = signer;
            Session finalEnc = encryptFor;
            reply.pending().whenComplete((r, err) -> {
                conn.async.remove(p.asyncId());
                Reply fin = err != null ? Reply.error(NtStatus.INTERNAL_ERROR) : r;
                Out o = encode(ah.withStatus(fin.status().code()).withCredits(0), fin, finalSigner, finalEnc, null);
                sendChain(List.of(o));
            });
            return encode(ah, reply, signer, encryptFor, null);
        }
        return encode(rh, reply, signer, encryptFor, ctx.afterEncode);
    }

    /**
     * CANCEL (MS-SMB2 3.3.5.16) has no reply, and is honoured only after the checks any request of
     * its session gets (MS-SMB2 3.3.5.2.4): a CANCEL that is unsigned where the session requires
     * signing, or badly signed, or names no session of this connection, is ignored.
     */
    private void cancel(RequestContext ctx, Session encryptedFor) {
        Smb2Header h = ctx.header();
        Session s = conn.sessions().get(h.sessionId());
        if (s == null) {
            return; // every pending request belongs to a session: nothing to cancel
        }
        if (checkSignature(ctx, s, ctx.encrypted()) != NtStatus.SUCCESS
                || ctx.encrypted() && encryptedFor != s) {
            LOG.debug("ignoring a CANCEL from {} that fails the signature check", conn.clientAddress());
            return;
        }
        conn.async.cancel(h.asyncId(), h.messageId(), h.isAsync(), s.id());
    }

    private Reply dispatch(RequestContext ctx, Smb2Command command, boolean encrypted, Session encryptedFor,
                           ChainState chain) {
        CommandSpec spec = CommandSpec.of(command);
        Smb2Header h = ctx.header();
        if (spec.needsSession && h.isRelated() && chain.sessionId == 0) {
            return Reply.error(NtStatus.INVALID_PARAMETER); // nothing before it in the chain set a session
        }
        if (spec.needsSession || command == Smb2Command.SESSION_SETUP && h.sessionId() != 0) {
            long sid = h.isRelated() ? chain.sessionId : h.sessionId();
            Session s = conn.sessions().get(sid);
            if (s == null) {
                return Reply.error(NtStatus.USER_SESSION_DELETED);
            }
            ctx.session = s;
            chain.sessionId = sid;
            if (s.state() == Session.State.EXPIRED) {
                return Reply.error(NtStatus.NETWORK_SESSION_EXPIRED);
            }
            if (s.state() != Session.State.VALID && command != Smb2Command.SESSION_SETUP) {
                return Reply.error(NtStatus.USER_SESSION_DELETED);
            }
            NtStatus sig = checkSignature(ctx, s, encrypted);
            if (sig != NtStatus.SUCCESS) {
                ctx.session = command == Smb2Command.SESSION_SETUP ? null : s;
                return Reply.error(sig);
            }
            if (encrypted && encryptedFor != s) {
                return Reply.error(NtStatus.ACCESS_DENIED);
            }
            if (!encrypted && s.encryptData() && s.state() == Session.State.VALID
                    && conn.server().config().encryption() == EncryptionPolicy.REQUIRED) {
                return Reply.error(NtStatus.ACCESS_DENIED);
            }
            if (!spec.allowedExpired && s.state() == Session.State.VALID && s.expired()) {
                return Reply.error(NtStatus.NETWORK_SESSION_EXPIRED);
            }
        }
        if (spec.needsTree) {
            if (h.isRelated() && chain.treeId == 0) {
                return Reply.error(NtStatus.INVALID_PARAMETER);
            }
            int tid = h.isRelated() ? chain.treeId : h.treeId();
            TreeConnect t = ctx.session.tree(tid);
            if (t == null) {
                return Reply.error(NtStatus.NETWORK_NAME_DELETED);
            }
            ctx.tree = t;
            chain.treeId = tid;
            if (t.encrypt() && !encrypted && effectivePolicy(t) == EncryptionPolicy.REQUIRED) {
                return Reply.error(NtStatus.ACCESS_DENIED);
            }
        }
        NtStatus limited = overLimit(ctx, command);
        if (limited != null) {
            return Reply.error(limited);
        }
        Handler handler = dispatcher.handler(command);
        TreeConnect tree = ctx.tree;
        if (tree == null || tree.root() == null) {
            return handler.handle(ctx);
        }
        // One credential switch per request (about 10 us of kernel work each): every file call the
        // handler makes through the tree's view, or on handles opened through it, then runs as the
        // session's user without switching again. OpenResolver admits only opens of this tree, so
        // no call inside runs as anyone else.
        try (IdentityScope asUser = tree.root().enter()) {
            return handler.handle(ctx);
        }
    }

    /** The per-connection limits checked before a handler runs; null when within them. */
    private NtStatus overLimit(RequestContext ctx, Smb2Command command) {
        ServerLimits limits = conn.limits();
        if ((command == Smb2Command.CHANGE_NOTIFY || command == Smb2Command.LOCK)
                && conn.async.size() >= limits.maxPendingAsync()) {
            // Both may go async; checked before the handler, so a refused LOCK never waits.
            ASYNC_LOG.refused(conn.clientAddress(), limits.maxPendingAsync() + " requests pending");
            return NtStatus.INSUFFICIENT_RESOURCES;
        }
        if (command == Smb2Command.TREE_CONNECT && ctx.session.treeCount() >= limits.maxTreesPerSession()) {
            TREES_LOG.refused(conn.clientAddress(), limits.maxTreesPerSession() + " tree connects in one session");
            return NtStatus.INSUFFICIENT_RESOURCES;
        }
        if (command == Smb2Command.CREATE && conn.opens().countFor(ctx.session) >= limits.maxOpensPerSession()) {
            OPENS_LOG.refused(conn.clientAddress(), limits.maxOpensPerSession() + " opens in one session");
            return NtStatus.TOO_MANY_OPENED_FILES;
        }
        return null;
    }

    private EncryptionPolicy effectivePolicy(TreeConnect t) {
        EncryptionPolicy p = t.share() != null ? t.share().encryption() : null;
        return p != null ? p : conn.server().config().encryption();
    }

    /**
     * MS-SMB2 3.3.4.1.4: an answer to a plain request is encrypted when its session must encrypt, or
     * its tree must, but never the SESSION_SETUP or NEGOTIATE that set the session up, nor the
     * TREE_CONNECT that tells the client the share wants encryption.
     */
    private static Session policyEncryption(Smb2Command command, Session s, TreeConnect tree) {
        if (s == null || s.codec() == null || s.state() != Session.State.VALID
                || command == Smb2Command.SESSION_SETUP || command == Smb2Command.NEGOTIATE) {
            return null;
        }
        boolean treeWants = tree != null && tree.encrypt() && command != Smb2Command.TREE_CONNECT;
        return s.encryptData() || treeWants ? s : null;
    }

    /** MS-SMB2 3.3.5.2.4: verify a signed request; refuse an unsigned one where signing is required. */
    private NtStatus checkSignature(RequestContext ctx, Session s, boolean encrypted) {
        if (encrypted) {
            return NtStatus.SUCCESS;
        }
        MessageSigner signer = s.signer();
        WireReader m = ctx.message();
        if (ctx.header().isSigned()) {
            if (signer == null) {
                return s.state() == Session.State.IN_PROGRESS ? NtStatus.SUCCESS : NtStatus.ACCESS_DENIED;
            }
            int abs = m.absolute(0, m.length());
            return signer.verify(m.array(), abs, m.length()) ? NtStatus.SUCCESS : NtStatus.ACCESS_DENIED;
        }
        if (s.signingRequired() && s.state() == Session.State.VALID) {
            return NtStatus.ACCESS_DENIED;
        }
        return NtStatus.SUCCESS;
    }

    private int chargeOf(Smb2Header h) {
        boolean multiCredit = conn.dialect() != null && conn.dialect() != Dialect.SMB_2_0_2;
        return multiCredit ? Math.max(1, h.creditCharge()) : 1;
    }

    private Out encode(Smb2Header rh, Reply reply, MessageSigner signer, Session encryptFor,
                       java.util.function.Consumer<byte[]> afterEncode) {
        WireWriter w;
        if (reply.message() != null) {
            w = reply.message();
            int end = w.position();
            w.seek(0);
            rh.encode(w);
            w.seek(end);
        } else {
            w = new WireWriter(256);
            rh.encode(w);
            reply.body().encode(w);
        }
        if (afterEncode != null) {
            afterEncode.accept(w.toByteArray());
        }
        return new Out(w.array(), w.position(), encryptFor == null ? signer : null, encryptFor);
    }

    /** Chains responses (8-byte aligned, NextCommand set), signs each, encrypts the whole when asked. */
    private void sendChain(List<Out> outs) {
        if (outs.isEmpty()) {
            return;
        }
        if (outs.size() == 1) {
            Out o = outs.getFirst();
            finish(o.msg, 0, o.len, o.signer);
            emit(o.msg, o.len, o.encryptFor);
            return;
        }
        int total = 0;
        for (Out o : outs) {
            total += o.len + 8;
        }
        WireWriter all = new WireWriter(total);
        Session encryptFor = null;
        for (int i = 0; i < outs.size(); i++) {
            Out o = outs.get(i);
            int start = all.position();
            all.bytes(o.msg, 0, o.len);
            if (i < outs.size() - 1) {
                all.align(8);
                all.putU32(start + 20, all.position() - start);
            }
            finish(all.array(), start, all.position() - start, o.signer);
            if (o.encryptFor != null) {
                encryptFor = o.encryptFor;
            }
        }
        emit(all.array(), all.position(), encryptFor);
    }

    private static void finish(byte[] msg, int off, int len, MessageSigner signer) {
        if (signer != null) {
            signer.sign(msg, off, len);
        }
    }

    private void emit(byte[] msg, int len, Session encryptFor) {
        if (encryptFor != null && encryptFor.codec() != null) {
            byte[] enc = encryptFor.codec().encrypt(msg, 0, len, encryptFor.id());
            conn.send(enc, enc.length);
        } else {
            conn.send(msg, len);
        }
    }
}
