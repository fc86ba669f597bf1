/**
 * NDR20 stub codecs of the Netlogon calls (MS-NRPC 3.5.4; Samba librpc/idl/netlogon.idl) a domain
 * member makes: ServerReqChallenge, ServerAuthenticate3, LogonGetCapabilities, LogonSamLogonEx,
 * ServerPasswordSet2, LogonControl and LogonControl2Ex. Each call class encodes the request stub from
 * plain values and decodes the response stub into an immutable record; they know nothing of PDUs,
 * binding or the secure channel's cryptography. A malformed response fails with
 * {@link org.bossa.dcerpc.NdrException} and nothing else.
 */
package org.bossa.rpc.netlogon.ndr;
