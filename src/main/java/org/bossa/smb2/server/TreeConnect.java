package org.bossa.smb2.server;

import org.bossa.vfs.ShareRoot;

/**
 * A tree connect (MS-SMB2 3.3.1.10): a session's use of one share.
 *
 * @param root the share's root directory handle; null for IPC$
 * @param maximalAccess the access mask reported in the TREE_CONNECT response
 * @param encrypt requests on this tree must arrive (and answers leave) encrypted
 */
public record TreeConnect(int id, Session session, ShareConfig share, ShareRoot root, boolean ipc,
                          int maximalAccess, boolean encrypt) {
}
