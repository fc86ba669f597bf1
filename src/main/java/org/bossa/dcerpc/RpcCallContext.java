package org.bossa.dcerpc;

/**
 * Who is calling through a pipe: the SMB session's user and domain, the client's address, and
 * whether the caller is an administrator of this server. Passed to every
 * {@link RpcInterface#invoke} so an interface can decide what to show (srvsvc shows local paths
 * only to administrators).
 *
 * @param administrator root, or (once tokens carry SIDs) a member of BUILTIN\Administrators or
 *        Domain Admins
 */
public record RpcCallContext(String userName, String domainName, String clientAddress, boolean administrator) {

    /** An ordinary (non-administrator) caller. */
    public RpcCallContext(String userName, String domainName, String clientAddress) {
        this(userName, domainName, clientAddress, false);
    }
}
