package org.bossa.smb2.server;

import org.bossa.vfs.ShareRoot;

/**
 * A tree connect (MS-SMB2 3.3.1.10): a session's use of one share.
 *
 * <p>The root is the share seen as the session's user in the kernel. A re-authentication that
 * changes the user's credentials (a new Kerberos ticket with other groups) rebinds it, so later
 * file calls run with the new groups; handles opened before keep the credentials they were opened
 * with, as Windows handles keep their granted access.
 */
public final class TreeConnect {
    private final int id;
    private final Session session;
    private final ShareConfig share;
    private final boolean ipc;
    private final int maximalAccess;
    private final boolean encrypt;
    private volatile ShareRoot root;

    /**
     * @param root the share's root directory handle; null for IPC$
     * @param maximalAccess the access mask reported in the TREE_CONNECT response
     * @param encrypt requests on this tree must arrive (and answers leave) encrypted
     */
    public TreeConnect(int id, Session session, ShareConfig share, ShareRoot root, boolean ipc, int maximalAccess,
            boolean encrypt) {
        this.id = id;
        this.session = session;
        this.share = share;
        this.root = root;
        this.ipc = ipc;
        this.maximalAccess = maximalAccess;
        this.encrypt = encrypt;
    }

    public int id() {
        return id;
    }

    public Session session() {
        return session;
    }

    public ShareConfig share() {
        return share;
    }

    public ShareRoot root() {
        return root;
    }

    public boolean ipc() {
        return ipc;
    }

    public int maximalAccess() {
        return maximalAccess;
    }

    public boolean encrypt() {
        return encrypt;
    }

    /** After a re-authentication: later calls of this tree run as {@code newRoot}'s user. */
    void rebind(ShareRoot newRoot) {
        if (root != null) {
            root = newRoot;
        }
    }

    @Override
    public String toString() {
        return "TreeConnect[" + id + (ipc ? ", IPC$" : ", " + share.name()) + "]";
    }
}
