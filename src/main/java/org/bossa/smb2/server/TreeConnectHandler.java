package org.bossa.smb2.server;

import org.bossa.auth.Token;
import org.bossa.dtyp.AccessMask;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ShareFlags;
import org.bossa.smb2.wire.TreeConnectRequest;
import org.bossa.smb2.wire.TreeConnectResponse;
import org.bossa.text.LogSafe;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.ShareRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TREE_CONNECT (MS-SMB2 3.3.5.7): IPC$ or a configured disk share. */
final class TreeConnectHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(TreeConnectHandler.class);
    /** What a writable share grants at most (MS-SMB2 2.2.10 MaximalAccess). */
    static final int FULL_ACCESS = AccessMask.FILE_ALL_ACCESS;
    /** Read, execute, read attributes/EA, read control, synchronize. */
    static final int READ_ONLY_ACCESS = 0x001200A9;
    private static final String IPC = "IPC$";

    @Override
    public Reply handle(RequestContext ctx) {
        TreeConnectRequest req = TreeConnectRequest.decode(ctx.message());
        String shareName = shareName(req.path());
        Session session = ctx.session();
        Connection conn = ctx.connection();
        EncryptionPolicy serverPolicy = conn.server().config().encryption();
        if (shareName.equalsIgnoreCase(IPC)) {
            TreeConnect t = session.addTree(id -> new TreeConnect(id, session, null, null, true, FULL_ACCESS, false));
            ctx.tree = t;
            return Reply.ok(TreeConnectResponse.pipe(FULL_ACCESS)::encode);
        }
        ShareConfig share = conn.server().share(shareName);
        if (share == null) {
            return Reply.error(NtStatus.BAD_NETWORK_NAME);
        }
        if (session.isAnonymous()) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        // runs on the request's virtual thread: a group lookup at the DC may block, bounded by the resolver
        ShareAdmission.Verdict verdict = share.admission().admit(session.token(), conn.server().names());
        if (!verdict.admitted()) {
            if (verdict.outcome() == ShareAdmission.Outcome.UNRESOLVED) {
                LOG.warn("TREE_CONNECT to [{}] by {} refused: valid-users entry {} could not be resolved ({})",
                        share.name(), LogSafe.quote(session.token().displayName()), verdict.entry(), verdict.reason());
            }
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        EncryptionPolicy policy = share.encryption() != null ? share.encryption() : serverPolicy;
        boolean canEncrypt = session.codec() != null;
        if (policy == EncryptionPolicy.REQUIRED && !canEncrypt) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        boolean encrypt = policy != EncryptionPolicy.OFF && canEncrypt;
        int access = share.readOnly() ? READ_ONLY_ACCESS : FULL_ACCESS;
        ShareRoot root;
        try {
            // every file call of this tree runs in the kernel as the session's user (MS-SMB2 leaves
            // enforcement to the object store; Samba's become_user): the kernel checks the user too
            root = conn.server().root(share).as(credentials(session.token()));
        } catch (IllegalArgumentException e) {
            LOG.warn("TREE_CONNECT to [{}] by {} refused: {}", share.name(), LogSafe.quote(session.token().displayName()),
                    e.getMessage());
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        TreeConnect t = session.addTree(id -> new TreeConnect(id, session, share, root, false, access, encrypt));
        ctx.tree = t;
        int flags = ShareFlags.MANUAL_CACHING | (encrypt ? ShareFlags.ENCRYPT_DATA : 0);
        return Reply.ok(TreeConnectResponse.disk(flags, 0, access)::encode);
    }

    /** The kernel credentials a token's file calls run with: its uid, primary gid and supplementary gids. */
    static FsIdentity credentials(Token token) {
        return FsIdentity.of(token.uid(), token.gid(), token.supplementaryGids());
    }

    /** "\\server\share" -> "share"; a bare "share" is accepted too. */
    static String shareName(String path) {
        String p = path;
        if (p.startsWith("\\\\")) {
            int slash = p.indexOf('\\', 2);
            p = slash < 0 ? "" : p.substring(slash + 1);
        }
        if (p.isEmpty() || p.indexOf('\\') >= 0) {
            throw new SmbStatusException(NtStatus.BAD_NETWORK_NAME);
        }
        return p;
    }
}
