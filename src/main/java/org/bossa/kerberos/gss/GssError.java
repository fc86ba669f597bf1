package org.bossa.kerberos.gss;

/**
 * Why a Kerberos GSS-API operation failed. Each cause names one check of RFC 4121 (or RFC 2743's
 * token framing) so a caller, a log line or a test can tell them apart.
 */
public enum GssError {
    /** The token is shorter than its fixed fields or a length inside it disagrees with its size. */
    DEFECTIVE_TOKEN("the token is truncated or malformed"),
    /** RFC 2743 3.1 framing names another mechanism than Kerberos V5 (1.2.840.113554.1.2.2). */
    BAD_MECH("the token is not for the Kerberos V5 mechanism"),
    /** The two-byte TOK_ID is not the one this step or call expects. */
    WRONG_TOKEN_ID("the token has an unexpected token id"),
    /** The filler bytes of a per-message token header are not 0xFF (RFC 4121 4.2.6). */
    BAD_FILLER("the token header filler is not 0xFF"),
    /** EC does not fit the token (wrap without confidentiality: EC must be the checksum size). */
    BAD_EC("the token's extra count (EC) does not fit the token"),
    /** A checksum does not verify or a ciphertext does not decrypt under the context key. */
    BAD_INTEGRITY("the token's checksum or encryption does not verify"),
    /** The header copy inside a sealed token differs from the outer header (RFC 4121 4.2.4). */
    HEADER_MISMATCH("the encrypted header copy does not match the token header"),
    /** The SentByAcceptor flag says the token came from our own side (a reflected token). */
    WRONG_DIRECTION("the token was sent in the wrong direction (reflected)"),
    /** The AcceptorSubkey flag disagrees with whether the acceptor asserted a subkey. */
    WRONG_SUBKEY_FLAG("the token's AcceptorSubkey flag does not match the context"),
    /** A wrap token arrived without confidentiality where the caller requires it. */
    NOT_SEALED("the token is not sealed but confidentiality is required"),
    /** The token's sequence number is not the next one expected (replayed, reordered or lost). */
    OUT_OF_SEQUENCE("the token's sequence number is out of order"),
    /** The acceptor answered with a KRB-ERROR (RFC 4121 4.1, token id 03 00). */
    KRB_ERROR("the acceptor returned a Kerberos error"),
    /** The AP-REP does not prove the acceptor knew the session key (ctime/cusec differ). */
    MUTUAL_AUTH_FAILED("mutual authentication failed: the AP-REP does not match our authenticator"),
    /** The session key's enctype has no RFC 4121 token format here (AES only). */
    UNSUPPORTED_ENCTYPE("the session key's encryption type is not supported"),
    /** A per-message call before the context was established, or a context step out of order. */
    CONTEXT_STATE("the security context is not in a state for this call"),
    /** The Kerberos library failed to encrypt or encode (not caused by the peer's input). */
    CRYPTO_FAILURE("a local Kerberos crypto operation failed");

    private final String description;

    GssError(String description) {
        this.description = description;
    }

    /** A short English sentence fragment for messages. */
    public String description() {
        return description;
    }
}
