package org.bossa.dcerpc;

/**
 * The auth verifier at the end of an authenticated PDU (MS-RPCE 2.2.2.11, C706 13.2.6.1): the
 * 8-byte sec_trailer (auth_type (1), auth_level (1), auth_pad_length (1), auth_reserved (1),
 * auth_context_id (4)) followed by auth_length bytes of auth_value (a bind token or a signature).
 * The header's auth_length counts the auth_value only.
 */
public record AuthVerifier(int authType, int authLevel, int padLength, int contextId, byte[] authValue) {
    /** RPC_C_AUTHN_NONE. */
    public static final int AUTH_TYPE_NONE = 0;
    /** RPC_C_AUTHN_GSS_NEGOTIATE (SPNEGO). */
    public static final int AUTH_TYPE_SPNEGO = 9;
    /** RPC_C_AUTHN_WINNT (NTLMSSP). */
    public static final int AUTH_TYPE_NTLMSSP = 10;
    /** RPC_C_AUTHN_GSS_KERBEROS. */
    public static final int AUTH_TYPE_KERBEROS = 16;
    /** RPC_C_AUTHN_NETLOGON: the Netlogon SSP, "schannel" (MS-NRPC 3.3). */
    public static final int AUTH_TYPE_NETLOGON = 68;

    public static final int AUTH_LEVEL_NONE = 1;
    public static final int AUTH_LEVEL_CONNECT = 2;
    public static final int AUTH_LEVEL_CALL = 3;
    public static final int AUTH_LEVEL_PACKET = 4;
    public static final int AUTH_LEVEL_INTEGRITY = 5;
    public static final int AUTH_LEVEL_PRIVACY = 6;

    /** Stub plus auth padding is a multiple of this (MS-RPCE 2.2.2.11, Samba's DCERPC_AUTH_PAD_ALIGNMENT). */
    public static final int PAD_ALIGNMENT = 16;

    public AuthVerifier {
        if ((authType | authLevel | padLength) >>> 8 != 0) {
            throw new IllegalArgumentException("sec_trailer byte field out of range");
        }
        authValue = authValue.clone();
    }

    /** Bytes of padding that bring {@code stubLength} to a multiple of {@link #PAD_ALIGNMENT}. */
    public static int padFor(int stubLength) {
        return (PAD_ALIGNMENT - stubLength % PAD_ALIGNMENT) % PAD_ALIGNMENT;
    }

    /** The sec_trailer followed by the auth_value, as appended to a PDU body. */
    public byte[] encode() {
        NdrWriter w = new NdrWriter(PduHeader.SEC_TRAILER_SIZE + authValue.length);
        w.u8(authType).u8(authLevel).u8(padLength).u8(0).rawU32(contextId);
        w.bytes(authValue);
        return w.toByteArray();
    }

    /**
     * Decodes the verifier of a PDU whose header has been validated and whose auth_length is not
     * 0. The sec_trailer must start 4-byte aligned. On REQUEST, RESPONSE and FAULT the padding must
     * fit between the 24-byte call header and the trailer; on the bind family (BIND, BIND_ACK,
     * ALTER_CONTEXT, ALTER_CONTEXT_RESP, AUTH3) auth_pad_length is reported as 0, since old Samba
     * servers put garbage there (Samba bug 11061) and nothing uses it.
     */
    public static AuthVerifier decode(byte[] pdu, PduHeader h) throws PduFormatException {
        if (h.authLength() == 0) {
            throw new PduFormatException(h.type() + " without an auth verifier");
        }
        int at = h.bodyEnd();
        if (at % 4 != 0) {
            throw new PduFormatException("sec_trailer at " + at + " is not 4-byte aligned");
        }
        int type = pdu[at] & 0xFF;
        int level = pdu[at + 1] & 0xFF;
        int pad = pdu[at + 2] & 0xFF;
        int contextId = new NdrReader(pdu, at + 4, 4).rawU32();
        boolean callPdu = h.type() == PduType.REQUEST || h.type() == PduType.RESPONSE || h.type() == PduType.FAULT;
        if (callPdu) {
            if (pad > at - RequestPdu.HEADER_SIZE) {
                throw new PduFormatException("auth_pad_length " + pad + " exceeds the " + (at - RequestPdu.HEADER_SIZE)
                        + " stub bytes");
            }
        } else {
            pad = 0;
        }
        byte[] value = new NdrReader(pdu, at + PduHeader.SEC_TRAILER_SIZE, h.authLength()).bytes(h.authLength());
        return new AuthVerifier(type, level, pad, contextId, value);
    }
}
