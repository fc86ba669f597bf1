package org.bossa.smb2.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bossa.fscc.FileTime;
import org.bossa.smb2.crypto.CipherId;
import org.bossa.smb2.crypto.PreauthIntegrity;
import org.bossa.smb2.crypto.SigningAlgorithm;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.NegotiateContext;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.NegotiateResponse;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb1Negotiate;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WireWriter;

/** NEGOTIATE (MS-SMB2 3.3.5.4) and the answer to an SMB1 multi-protocol negotiate (3.3.5.3.1). */
final class NegotiateHandler implements Handler {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SMB2_02_MAX_IO = 65536;

    @Override
    public Reply handle(RequestContext ctx) {
        Connection conn = ctx.connection();
        ServerConfig cfg = conn.server().config();
        NegotiateRequest req = NegotiateRequest.decode(ctx.message());
        Dialect chosen = null;
        for (int code : req.dialects()) {
            Dialect d = Dialect.fromCode(code);
            if (d != null && cfg.dialects().contains(d) && (chosen == null || d.compareTo(chosen) > 0)) {
                chosen = d;
            }
        }
        if (chosen == null) {
            // No common dialect (MS-SMB2 3.3.5.4); the connection stays un-negotiated.
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        List<NegotiateContext> contexts = new ArrayList<>();
        CipherId cipher = null;
        SigningAlgorithm signing = chosen.isSmb3() ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
        if (chosen == Dialect.SMB_3_1_1) {
            NegotiateContext preauth = req.context(NegotiateContext.PREAUTH_INTEGRITY_CAPABILITIES);
            if (preauth == null) {
                return Reply.error(NtStatus.INVALID_PARAMETER);
            }
            if (!contains(preauth.algorithmIds(), NegotiateContext.HASH_SHA512)) {
                return Reply.error(NtStatus.SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP);
            }
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            contexts.add(NegotiateContext.preauth(salt));
            NegotiateContext enc = req.context(NegotiateContext.ENCRYPTION_CAPABILITIES);
            if (enc != null) {
                cipher = firstCipher(enc.algorithmIds());
                contexts.add(NegotiateContext.ofIds(NegotiateContext.ENCRYPTION_CAPABILITIES,
                        cipher == null ? 0 : cipher.code()));
            }
            NegotiateContext sig = req.context(NegotiateContext.SIGNING_CAPABILITIES);
            if (sig != null) {
                SigningAlgorithm s = firstSigning(sig.algorithmIds());
                if (s != null) {
                    signing = s;
                }
                contexts.add(NegotiateContext.ofIds(NegotiateContext.SIGNING_CAPABILITIES, signing.code()));
            }
            if (req.context(NegotiateContext.COMPRESSION_CAPABILITIES) != null) {
                contexts.add(NegotiateContext.compressionNone());
            }
        }
        int capabilities = 0;
        if (chosen != Dialect.SMB_2_0_2) {
            capabilities |= NegotiateResponse.CAP_LARGE_MTU;
        }
        if ((chosen == Dialect.SMB_3_0 || chosen == Dialect.SMB_3_0_2)
                && (req.capabilities() & NegotiateResponse.CAP_ENCRYPTION) != 0) {
            capabilities |= NegotiateResponse.CAP_ENCRYPTION;
            cipher = CipherId.AES_128_CCM;
        }
        int securityMode = NegotiateRequest.SIGNING_ENABLED | (cfg.signingRequired() ? NegotiateRequest.SIGNING_REQUIRED : 0);
        int maxIo = chosen == Dialect.SMB_2_0_2 ? SMB2_02_MAX_IO : cfg.maxIoSize();
        NegotiateResponse resp = new NegotiateResponse(securityMode, chosen.code(), cfg.serverGuid(), capabilities,
                maxIo, maxIo, maxIo, nowFileTime(), 0, conn.server().auth().negotiateToken(), contexts);

        conn.dialect = chosen;
        conn.clientCapabilities = req.capabilities();
        conn.clientSecurityMode = req.securityMode();
        conn.clientGuid = req.clientGuid();
        conn.clientDialects = req.dialects();
        conn.serverSecurityMode = securityMode;
        conn.serverCapabilities = capabilities;
        conn.cipher = cipher;
        conn.signingAlgorithm = signing;
        conn.state(Connection.State.NEGOTIATED);
        if (chosen == Dialect.SMB_3_1_1) {
            WireReader m = ctx.message();
            byte[] h = PreauthIntegrity.next(PreauthIntegrity.initial(), m.array(), m.absolute(0, m.length()), m.length());
            ctx.afterEncode(out -> conn.preauthHash = PreauthIntegrity.next(h, out, 0, out.length));
        }
        return Reply.ok(resp::encode);
    }

    /** The SMB2 NEGOTIATE response to an SMB1 NEGOTIATE offering SMB2 (MS-SMB2 3.3.5.3.1). */
    static void answerSmb1(Connection conn, byte[] frame) {
        int revision = Smb1Negotiate.chooseSmb2Revision(frame);
        ServerConfig cfg = conn.server().config();
        if (revision == Dialect.SMB_2_0_2.code() && !cfg.dialects().contains(Dialect.SMB_2_0_2)) {
            revision = -1;
        }
        if (revision < 0) {
            throw new ConnectionFault("SMB1 negotiate without an SMB2 dialect this server offers");
        }
        if (!conn.credits.consume(0, 1)) {
            throw new ConnectionFault("SMB1 negotiate after message 0");
        }
        int securityMode = NegotiateRequest.SIGNING_ENABLED | (cfg.signingRequired() ? NegotiateRequest.SIGNING_REQUIRED : 0);
        NegotiateResponse resp = new NegotiateResponse(securityMode, revision, cfg.serverGuid(), 0, SMB2_02_MAX_IO,
                SMB2_02_MAX_IO, SMB2_02_MAX_IO, nowFileTime(), 0, conn.server().auth().negotiateToken(), List.of());
        if (revision == Dialect.SMB_2_0_2.code()) {
            conn.dialect = Dialect.SMB_2_0_2;
            conn.serverSecurityMode = securityMode;
            conn.signingAlgorithm = SigningAlgorithm.HMAC_SHA256;
            conn.state(Connection.State.NEGOTIATED);
        }
        int credits = conn.credits.grant(1);
        Smb2Header h = new Smb2Header(0, 0, Smb2Command.NEGOTIATE.code(), credits, Smb2Header.FLAG_SERVER_TO_REDIR,
                0, 0, 0, 0, 0, 0);
        WireWriter w = new WireWriter(256);
        h.encode(w);
        resp.encode(w);
        conn.send(w.array(), w.position());
    }

    private static CipherId firstCipher(int[] ids) {
        for (int id : ids) {
            CipherId c = CipherId.fromCode(id);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static SigningAlgorithm firstSigning(int[] ids) {
        for (int id : ids) {
            SigningAlgorithm s = SigningAlgorithm.fromCode(id);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    static long nowFileTime() {
        return FileTime.fromInstant(java.time.Instant.now());
    }
}
