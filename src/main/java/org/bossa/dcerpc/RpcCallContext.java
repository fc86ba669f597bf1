package org.bossa.dcerpc;

/**
 * Who is calling through a pipe: the SMB session's user and domain and the client's address. Passed
 * to every {@link RpcInterface#invoke} so an interface can decide what to show.
 */
public record RpcCallContext(String userName, String domainName, String clientAddress) {
}
