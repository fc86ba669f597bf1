/**
 * The cryptography of the Netlogon secure channel with AES (MS-NRPC 3.1.4): the client challenge,
 * session key and credentials of session-key negotiation ({@link
 * org.bossa.rpc.netlogon.crypto.NetlogonCredentialHandshake}), the authenticator chain and
 * NetrServerPasswordSet2's encrypted NL_TRUST_PASSWORD ({@link
 * org.bossa.rpc.netlogon.crypto.NetlogonCredentialState}). There is no DES, RC4 or MD5 session-key
 * path: a channel without AES is refused (CVE-2022-38023).
 */
package org.bossa.rpc.netlogon.crypto;
