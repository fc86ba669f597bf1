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
     * Whether this mechanism can sign the PDU header along with the stub (MS-RPCE 2.2.2.3
     * PFC_SUPPORT_HEADER_SIGN, 3.3.1.5.2.2). When true the connection offers header signing in the
     * bind and reports the server's answer through {@link #headerSigningNegotiated}. The default,
     * false, keeps the protection to the stub and padding.
     *
     * <p>Added after the first version of this SPI, as a default method so implementations written
     * against that version still compile: header signing changes what {@link #protect} and
     * {@link #unprotect} must cover, which only the mechanism knows how to do.
     */
    default boolean supportsHeaderSigning() {
        return false;
    }

    /**
     * Called once, after the bind_ack (or alter_context_resp) and before {@link #acceptBindAck},
     * when {@link #supportsHeaderSigning()} is true: {@code agreed} tells whether the server set
     * PFC_SUPPORT_HEADER_SIGN in its answer. From then on, when agreed, {@link #protect} and
     * {@link #unprotect} sign {@code pdu[0, signatureOffset)} (the header, the stub, the padding and
     * the sec_trailer) rather than the stub and padding alone, as Samba's
     * GENSEC_FEATURE_SIGN_PKT_HEADER does.
     */
    default void headerSigningNegotiated(boolean agreed) {
    }

    /** Length of the auth_value on request and response PDUs (the signature). */
    int signatureSize();

    /**
     * Signs, and at privacy level seals in place, an outgoing PDU.
     *
     * @param pdu the whole PDU: header, stub, auth padding, sec_trailer, then {@link #signatureSize()}
     *     zero bytes where the signature goes
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
