/**
 * The Netlogon SSP ("schannel", MS-NRPC 3.3) with AES, as the {@link
 * org.bossa.dcerpc.client.ClientSecurity} of a DCE/RPC client connection: the NL_AUTH_MESSAGE bind
 * token and NL_AUTH_SHA2_SIGNATURE signing and sealing of each PDU ({@link
 * org.bossa.rpc.netlogon.schannel.NetlogonSsp}).
 */
package org.bossa.rpc.netlogon.schannel;
