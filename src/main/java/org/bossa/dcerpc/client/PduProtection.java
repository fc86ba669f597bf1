package org.bossa.dcerpc.client;

import java.util.Optional;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.PduFormatException;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.RequestPdu;

/**
 * The security context of a client connection: a {@link ClientSecurity} and the auth verifier
 * fields it is bound with (MS-RPCE 2.2.2.11). Builds the verifiers of the bind, alter_context and
 * AUTH3 PDUs, and protects requests and unprotects responses, checking that every response
 * carries the verifier fields of the bind.
 */
final class PduProtection {
    /**
     * auth_context_id of the one security context a connection has. Any value works; 1 is what
     * Samba's client sends, so captured Samba exchanges double as test vectors.
     */
    static final int AUTH_CONTEXT_ID = 1;

    private final ClientSecurity security;
    private final int authType;
    private final int authLevel;
    private final int signatureSize;

    PduProtection(ClientSecurity security) {
        this.security = security;
        this.authType = security.authType();
        this.authLevel = security.authLevel();
        this.signatureSize = security.signatureSize();
        if (authLevel < AuthVerifier.AUTH_LEVEL_PACKET || authLevel > AuthVerifier.AUTH_LEVEL_PRIVACY) {
            // CONNECT and CALL levels would leave requests unprotected; nothing in Bossa wants them.
            throw new IllegalArgumentException("auth level " + authLevel + " is not packet, integrity or privacy");
        }
        if (authType <= 0 || authType > 0xFF) {
            throw new IllegalArgumentException("auth type " + authType);
        }
        if (signatureSize <= 0 || signatureSize > 0x400) {
            throw new IllegalArgumentException("signature size " + signatureSize);
        }
    }

    int authLevel() {
        return authLevel;
    }

    int signatureSize() {
        return signatureSize;
    }

    boolean offersHeaderSigning() {
        return security.supportsHeaderSigning();
    }

    /** The verifier of a BIND or ALTER_CONTEXT: the sec_trailer (no padding) and the first token. */
    byte[] bindVerifier() {
        return new AuthVerifier(authType, authLevel, 0, AUTH_CONTEXT_ID, security.bindToken()).encode();
    }

    /**
     * Hands the auth_value of a BIND_ACK or ALTER_CONTEXT_RESP (empty when it has none) to the
     * provider, then reports whether header signing was agreed; returns the verifier of the AUTH3
     * PDU to send, if the provider wants a third leg.
     */
    Optional<byte[]> acceptAnswer(byte[] pdu, PduHeader h, boolean headerSigningOffered)
            throws RpcSecurityException, RpcProtocolException {
        byte[] value = new byte[0];
        if (h.authLength() > 0) {
            AuthVerifier v = verifier(pdu, h);
            value = v.authValue();
        }
        Optional<byte[]> auth3;
        try {
            auth3 = security.acceptBindAck(value)
                    .map(token -> new AuthVerifier(authType, authLevel, 0, AUTH_CONTEXT_ID, token).encode());
        } catch (ClientSecurityException e) {
            throw new RpcSecurityException(h.type() + " refused by the security provider", e);
        }
        if (headerSigningOffered) {
            security.headerSigningNegotiated(h.has(PfcFlags.SUPPORT_HEADER_SIGN));
        }
        return auth3;
    }

    /** Stub bytes one request fragment of at most {@code maxFrag} bytes can carry: a multiple of 16. */
    int stubRoom(int maxFrag) {
        int room = maxFrag - RequestPdu.HEADER_SIZE - PduHeader.SEC_TRAILER_SIZE - signatureSize;
        return room - room % AuthVerifier.PAD_ALIGNMENT;
    }

    /**
     * Encodes one protected request fragment: the stub chunk, zero padding to a multiple of 16, the
     * sec_trailer and a signature from the provider.
     */
    byte[] protect(int flags, int callId, int allocHint, int contextId, int opnum, byte[] stub, int off, int len)
            throws RpcSecurityException {
        int pad = AuthVerifier.padFor(len);
        byte[] padded = new byte[len + pad];
        System.arraycopy(stub, off, padded, 0, len);
        byte[] verifier = new AuthVerifier(authType, authLevel, pad, AUTH_CONTEXT_ID, new byte[signatureSize]).encode();
        byte[] pdu = new RequestPdu(flags, callId, allocHint, contextId, opnum, null, padded).encode(verifier);
        int signatureOffset = pdu.length - signatureSize;
        byte[] signature;
        try {
            signature = security.protect(pdu, RequestPdu.HEADER_SIZE, len + pad, signatureOffset);
        } catch (ClientSecurityException e) {
            throw new RpcSecurityException("cannot protect request fragment", e);
        }
        if (signature == null || signature.length != signatureSize) {
            throw new RpcSecurityException("security provider returned a signature of "
                    + (signature == null ? "no" : signature.length) + " bytes, not " + signatureSize);
        }
        System.arraycopy(signature, 0, pdu, signatureOffset, signatureSize);
        return pdu;
    }

    /**
     * Checks the verifier of a RESPONSE fragment against the bound one, has the provider verify (and
     * at privacy level unseal in place) the stub, and returns the stub length without the padding.
     */
    int unprotect(byte[] pdu, PduHeader h) throws RpcSecurityException, RpcProtocolException {
        if (h.authLength() == 0) {
            throw new RpcSecurityException("unprotected " + h.type() + " on a connection bound at auth level " + authLevel);
        }
        AuthVerifier v = verifier(pdu, h);
        int stubLength = h.bodyEnd() - RequestPdu.HEADER_SIZE;
        try {
            security.unprotect(pdu, RequestPdu.HEADER_SIZE, stubLength, h.fragLength() - h.authLength(), h.authLength());
        } catch (ClientSecurityException e) {
            throw new RpcSecurityException(h.type() + " fragment of call " + h.callId() + " refused", e);
        }
        return stubLength - v.padLength();
    }

    /** The PDU's verifier, which must carry the auth type, level and context id of the binding. */
    private AuthVerifier verifier(byte[] pdu, PduHeader h) throws RpcSecurityException, RpcProtocolException {
        AuthVerifier v;
        try {
            v = AuthVerifier.decode(pdu, h);
        } catch (PduFormatException e) {
            throw new RpcProtocolException(h.type() + ": " + e.getMessage());
        }
        if (v.authType() != authType || v.authLevel() != authLevel || v.contextId() != AUTH_CONTEXT_ID) {
            throw new RpcSecurityException(String.format("%s verifier type %d level %d context %d, bound %d %d %d",
                    h.type(), v.authType(), v.authLevel(), v.contextId(), authType, authLevel, AUTH_CONTEXT_ID));
        }
        return v;
    }
}
