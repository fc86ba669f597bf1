package org.bossa.dcerpc.client;

import java.util.Optional;

/**
 * A client-side DCE/RPC authentication verifier (MS-RPCE 2.2.2.11 sec_trailer and auth_value): what
 * the client connection asks of a security provider (the Netlogon SSP "schannel" of MS-NRPC 3.3,
 * later NTLMSSP or Kerberos) to bind and to protect each request and response PDU.
 *
 * <p>The connection owns the PDU layout: it writes the header, the stub, the auth padding (to a
 * 16-byte boundary, per MS-RPCE 2.2.2.11) and the 8-byte sec_trailer, reserves
 * {@link #signatureSize()} bytes of auth_value, and then calls {@link #protect} on the complete PDU.
 * On receipt it calls {@link #unprotect} before reading the stub. Implementations are used by one
 * connection at a time; sequence numbers advance with each call.
 */
public interface ClientSecurity {

    /** auth_type of the sec_trailer: 68 (RPC_C_AUTHN_NETLOGON) for schannel. */
    int authType();

    /** auth_level of the sec_trailer: 5 (PKT_INTEGRITY) or 6 (PKT_PRIVACY). */
    int authLevel();

    /** auth_value of the first bind (or alter_context) PDU. */
    byte[] bindToken();

    /**
     * Takes the auth_value of the bind_ack (or alter_context_resp); returns the token for an AUTH3
     * PDU when the mechanism needs a third leg (empty for schannel).
     *
     * @throws ClientSecurityException if the answer is not acceptable
     */
    Optional<byte[]> acceptBindAck(byte[] authValue) throws ClientSecurityException;

    /**
     * Whether the connection may offer header signing (MS-RPCE 2.2.2.3 PFC_SUPPORT_HEADER_SIGN,
     * 3.3.1.5.2.2) in an authenticated bind. True by default, as Samba's client offers it: every
     * verifier Bossa has (the Netlogon SSP) can sign headers. A mechanism that cannot returns false,
     * and the connection then neither offers it nor calls {@link #headerSigningNegotiated}.
     */
    default boolean supportsHeaderSigning() {
        return true;
    }

    /**
     * Tells the verifier whether the bind negotiated header signing (MS-RPCE 3.3.1.5.2.2:
     * PFC_SUPPORT_HEADER_SIGN set in the first authenticated bind and echoed in its bind_ack). With
     * it, signatures cover the whole PDU up to the auth_value, not only the stub; call it after
     * {@link #acceptBindAck} and before the first {@link #protect}. The connection calls it once
     * when {@link #supportsHeaderSigning()} is true.
     */
    default void headerSigningNegotiated(boolean negotiated) {
    }

    /** Length of the auth_value on request and response PDUs (the signature). */
    int signatureSize();

    /**
     * Signs, and at privacy level seals in place, an outgoing PDU.
     *
     * @param pdu the whole PDU: header (frag_length and auth_length already final, since header
     *     signing covers them), stub, auth padding, sec_trailer, then {@link #signatureSize()} zero
     *     bytes where the signature goes
     * @param stubOffset where the stub starts (after the request/response header)
     * @param stubLength the stub length including the auth padding
     * @param signatureOffset where the auth_value starts
     * @return the signature to place at {@code signatureOffset}
     */
    byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset) throws ClientSecurityException;

    /**
     * Verifies, and at privacy level unseals in place, an incoming PDU laid out as for
     * {@link #protect}.
     *
     * @throws ClientSecurityException if the signature does not verify or the sequence is wrong
     */
    void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset, int signatureLength)
            throws ClientSecurityException;
}
