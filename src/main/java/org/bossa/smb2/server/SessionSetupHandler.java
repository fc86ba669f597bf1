package org.bossa.smb2.server;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.StepResult;
import org.bossa.auth.Token;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.crypto.PreauthIntegrity;
import org.bossa.smb2.crypto.SessionKeys;
import org.bossa.smb2.crypto.SigningAlgorithm;
import org.bossa.smb2.crypto.TransformCodec;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.SessionSetupRequest;
import org.bossa.smb2.wire.SessionSetupResponse;
import org.bossa.smb2.wire.WireReader;
import org.bossa.text.LogSafe;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.ShareRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SESSION_SETUP (MS-SMB2 3.3.5.5): runs the security context, then keys, signing and encryption. */
final class SessionSetupHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSetupHandler.class);
    private static final long NOBODY = 65534;
    private static final LimitLog SESSIONS_LOG = new LimitLog("bossa.limits.max-sessions-per-connection");

    @Override
    public Reply handle(RequestContext ctx) {
        Connection conn = ctx.connection();
        ServerContext server = conn.server();
        SessionSetupRequest req = SessionSetupRequest.decode(ctx.message());
        if ((req.flags() & SessionSetupRequest.FLAG_BINDING) != 0) {
            // Multichannel binding is not offered (no CAP_MULTI_CHANNEL).
            return Reply.error(NtStatus.REQUEST_NOT_ACCEPTED);
        }
        Session s = ctx.session;
        boolean fresh = s == null;
        if (fresh) {
            int max = conn.limits().maxSessionsPerConnection();
            if (conn.sessions().size() >= max) {
                // Sessions in progress count too: each keeps its NTLM NEGOTIATE until it finishes.
                // Samba answers a full session table with NT_STATUS_INSUFFICIENT_RESOURCES as well.
                SESSIONS_LOG.refused(conn.clientAddress(), max + " sessions on one connection");
                return Reply.error(NtStatus.INSUFFICIENT_RESOURCES);
            }
            s = server.sessions().create();
            conn.sessions().put(s.id(), s);
            s.preauthHash(conn.preauthHash);
            ctx.session = s;
        }
        if (s.authentication() == null) {
            conn.authenticationStarted(s);
            s.authentication(server.auth().newContext());
            if (!fresh) {
                s.preauthHash(conn.preauthHash); // re-authentication starts a new exchange
            }
        }
        ctx.responseSessionId(s.id());
        boolean smb311 = conn.dialect() == Dialect.SMB_3_1_1;
        if (smb311) {
            WireReader m = ctx.message();
            s.preauthHash(PreauthIntegrity.next(s.preauthHash(), m.array(), m.absolute(0, m.length()), m.length()));
        }
        SecurityContext auth = s.authentication();
        StepResult step = auth.step(req.securityBuffer());
        Session session = s;
        switch (step.outcome()) {
            case CONTINUE -> {
                if (smb311) {
                    ctx.afterEncode(out -> session.preauthHash(PreauthIntegrity.next(session.preauthHash(), out, 0, out.length)));
                }
                return Reply.of(NtStatus.MORE_PROCESSING_REQUIRED, new SessionSetupResponse(0, step.outputToken())::encode);
            }
            case FAILED -> {
                ctx.failedLogon();
                LogonAudit.failure(auth.mechanismName(), step.claimant(), conn.clientAddress(), step.status(),
                        step.reason());
                return fail(ctx, s, step.status());
            }
            default -> {
                return complete(ctx, s, req, step, auth.mechanismName());
            }
        }
    }

    private Reply complete(RequestContext ctx, Session s, SessionSetupRequest req, StepResult step, String mechanism) {
        Connection conn = ctx.connection();
        ServerContext server = conn.server();
        ServerConfig cfg = server.config();
        boolean anonymous = step.user().anonymous();
        Token token;
        if (anonymous) {
            if (!cfg.allowAnonymous()) {
                ctx.failedLogon();
                LogonAudit.failure(mechanism, "", conn.clientAddress(), NtStatus.LOGON_FAILURE,
                        "anonymous logons are not allowed");
                return fail(ctx, s, NtStatus.LOGON_FAILURE);
            }
            token = Token.anonymousToken(NOBODY, NOBODY);
        } else {
            Optional<Token> t = server.tokens().tokenFor(step.user());
            if (t.isEmpty()) {
                ctx.failedLogon();
                LogonAudit.failure(mechanism, step.user().toString(), conn.clientAddress(), NtStatus.LOGON_FAILURE,
                        "no POSIX identity for the user");
                return fail(ctx, s, NtStatus.LOGON_FAILURE);
            }
            token = t.get();
        }
        Instant expiry = step.user().validUntil().orElse(null);
        if (s.established()) {
            return reauthenticated(ctx, s, token, expiry, mechanism, step.outputToken());
        }
        MessageSigner signer = null;
        TransformCodec codec = null;
        if (!anonymous) {
            SessionKeys keys = SessionKeys.derive(conn.dialect().code(), step.sessionKey(),
                    conn.dialect() == Dialect.SMB_3_1_1 ? s.preauthHash() : null, conn.supportsEncryption() ? conn.cipher : null);
            SigningAlgorithm alg = conn.dialect() == Dialect.SMB_3_1_1 ? conn.signingAlgorithm
                    : conn.dialect().isSmb3() ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
            signer = MessageSigner.of(alg, keys.signingKey());
            if (conn.supportsEncryption() && keys.encryptionKey() != null) {
                codec = new TransformCodec(conn.cipher, keys.encryptionKey(), keys.decryptionKey());
            }
        }
        EncryptionPolicy policy = cfg.encryption();
        if (policy == EncryptionPolicy.REQUIRED && codec == null) {
            LogonAudit.failure(mechanism, token.displayName(), conn.clientAddress(), NtStatus.ACCESS_DENIED,
                    "encryption required but the client cannot encrypt");
            return fail(ctx, s, NtStatus.ACCESS_DENIED);
        }
        boolean encrypt = codec != null && policy != EncryptionPolicy.OFF;
        boolean signRequired = !anonymous && (cfg.signingRequired()
                || (conn.clientSecurityMode & NegotiateRequest.SIGNING_REQUIRED) != 0
                || (req.securityMode() & NegotiateRequest.SIGNING_REQUIRED) != 0);
        s.establish(token, signer, codec, signRequired, encrypt, expiry);
        conn.authenticationEnded(s, true);
        int flags = anonymous ? SessionSetupResponse.IS_NULL : 0;
        if (encrypt) {
            flags |= SessionSetupResponse.ENCRYPT_DATA;
        }
        if (signer != null && (conn.dialect() == Dialect.SMB_3_1_1 || ctx.header().isSigned() || signRequired)) {
            ctx.signResponseWith(signer);
        }
        LogonAudit.success(mechanism, token, conn.clientAddress(), false);
        LOG.info("session {} for {} from {} ({}{}{})", Long.toHexString(s.id()), LogSafe.quote(token.displayName()),
                conn.clientAddress(), conn.dialect().label(), encrypt ? ", encrypted" : signRequired ? ", signed" : "",
                expiry == null ? "" : ", until " + expiry);
        return Reply.ok(new SessionSetupResponse(flags, step.outputToken())::encode);
    }

    /**
     * A re-authentication of a valid (possibly expired) session: the new identity and end time take
     * effect, the keys stay (MS-SMB2 3.3.5.5.3), and the session's trees are rebound so their later
     * file calls run with the new credentials (a new ticket may carry other groups). The answer is
     * signed with the session's key, which the client requires (smbtorture smb2.session.expire*).
     */
    private Reply reauthenticated(RequestContext ctx, Session s, Token token, Instant expiry, String mechanism,
            byte[] outputToken) {
        Connection conn = ctx.connection();
        FsIdentity before = s.token().anonymous() ? null : TreeConnectHandler.credentials(s.token());
        Map<TreeConnect, ShareRoot> rebound = new HashMap<>();
        if (!token.anonymous()) {
            FsIdentity now = TreeConnectHandler.credentials(token);
            if (!now.equals(before)) {
                try {
                    for (TreeConnect t : s.trees()) {
                        if (t.root() != null) {
                            rebound.put(t, conn.server().root(t.share()).as(now));
                        }
                    }
                } catch (IllegalArgumentException e) {
                    LogonAudit.failure(mechanism, token.displayName(), conn.clientAddress(), NtStatus.ACCESS_DENIED,
                            "no file-system identity for the new credentials: " + e.getMessage());
                    return fail(ctx, s, NtStatus.ACCESS_DENIED);
                }
            }
        }
        s.reauthenticate(token, expiry);
        rebound.forEach(TreeConnect::rebind);
        conn.authenticationEnded(s, true);
        if (s.signer() != null) {
            ctx.signResponseWith(s.signer());
        }
        int flags = token.anonymous() ? SessionSetupResponse.IS_NULL : 0;
        if (s.encryptData()) {
            flags |= SessionSetupResponse.ENCRYPT_DATA;
        }
        LogonAudit.success(mechanism, token, conn.clientAddress(), true);
        LOG.info("session {} re-authenticated as {} from {}{}", Long.toHexString(s.id()),
                LogSafe.quote(token.displayName()), conn.clientAddress(), expiry == null ? "" : ", until " + expiry);
        return Reply.ok(new SessionSetupResponse(flags, outputToken)::encode);
    }

    private Reply fail(RequestContext ctx, Session s, NtStatus status) {
        Connection conn = ctx.connection();
        for (TreeConnect t : s.trees()) {
            Opens.closeTree(conn, t); // a failed re-authentication ends the session and its opens
        }
        s.state(Session.State.EXPIRED);
        conn.authenticationEnded(s, false);
        conn.sessions().remove(s.id());
        conn.server().sessions().remove(s.id());
        ctx.session = null;
        return Reply.error(status);
    }
}
