package org.bossa.rpc.netlogon.schannel;

import java.security.SecureRandom;
import java.util.Optional;
import org.bossa.dcerpc.client.ClientSecurity;
import org.bossa.dcerpc.client.ClientSecurityException;
import org.bossa.rpc.netlogon.crypto.NetlogonAes;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialState;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException.Reason;

/**
 * The Netlogon SSP ("schannel", MS-NRPC 3.3) on the client side of a DCE/RPC connection, AES only:
 * the bind carries an NL_AUTH_MESSAGE negotiate naming the domain and this computer (3.3.4.1.1), the
 * bind_ack must answer with a negotiate response, and every request and response PDU then carries a
 * 56-byte NL_AUTH_SHA2_SIGNATURE (3.3.4.2) keyed by the session key of an established
 * {@link NetlogonCredentialState}.
 *
 * <p>A failed check throws {@link ClientSecurityException} whose cause is a {@link
 * NetlogonCryptoException} naming the {@link Reason}; the connection must then be dropped, since its
 * sequence numbers can no longer line up. One instance serves one connection (one security context).
 */
public final class NetlogonSsp implements ClientSecurity {

    /** RPC_C_AUTHN_NETLOGON (MS-RPCE 2.2.1.1.7). */
    public static final int AUTH_TYPE_NETLOGON = 0x44;
    public static final int AUTH_LEVEL_INTEGRITY = 5;
    public static final int AUTH_LEVEL_PRIVACY = 6;

    private final byte[] bindToken;
    private final int authLevel;
    private final NetlogonMessageProtection protection;
    private boolean bound;

    NetlogonSsp(byte[] sessionKey, NlAuthMessage negotiate, int authLevel, SecureRandom random) {
        if (negotiate.messageType() != NlAuthMessage.NEGOTIATE_REQUEST) {
            throw new IllegalArgumentException("the bind token is a negotiate request");
        }
        if (authLevel != AUTH_LEVEL_INTEGRITY && authLevel != AUTH_LEVEL_PRIVACY) {
            throw new IllegalArgumentException("the Netlogon SSP signs (5) or seals (6), not level " + authLevel);
        }
        this.bindToken = negotiate.encode();
        this.authLevel = authLevel;
        this.protection = new NetlogonMessageProtection(sessionKey, NetlogonMessageProtection.Role.CLIENT,
                authLevel == AUTH_LEVEL_PRIVACY, random);
    }

    /**
     * A sealing (PKT_PRIVACY) context for {@code state}'s secure channel, announcing the NetBIOS domain
     * and computer names (the computer name without the trailing {@code $}, as passed to
     * NetrServerAuthenticate3's ComputerName).
     */
    public static NetlogonSsp sealed(NetlogonCredentialState state, String netbiosDomain, String netbiosComputer) {
        return create(state, NlAuthMessage.negotiate(netbiosDomain, netbiosComputer), AUTH_LEVEL_PRIVACY,
                new SecureRandom());
    }

    /**
     * A context with any negotiate message (for instance one carrying DNS names too) at {@code authLevel}
     * 5 (integrity) or 6 (privacy).
     */
    public static NetlogonSsp create(NetlogonCredentialState state, NlAuthMessage negotiate, int authLevel,
            SecureRandom random) {
        byte[] key = state.sessionKey();
        try {
            return new NetlogonSsp(key, negotiate, authLevel, random);
        } finally {
            NetlogonAes.wipe(key);
        }
    }

    @Override
    public int authType() {
        return AUTH_TYPE_NETLOGON;
    }

    @Override
    public int authLevel() {
        return authLevel;
    }

    @Override
    public byte[] bindToken() {
        return bindToken.clone();
    }

    /**
     * Accepts the bind_ack's NL_AUTH_MESSAGE: it must be a negotiate response (MessageType 1); its flags
     * and the filler after them carry nothing a client uses. The Netlogon SSP has no third leg.
     */
    @Override
    public synchronized Optional<byte[]> acceptBindAck(byte[] authValue) throws ClientSecurityException {
        if (authValue == null || authValue.length < NlAuthMessage.HEADER_SIZE
                || NlAuthMessage.readU32(authValue, 0) != NlAuthMessage.NEGOTIATE_RESPONSE) {
            throw wrap(new NetlogonCryptoException(Reason.BAD_AUTH_MESSAGE,
                    "the bind_ack does not carry a Netlogon negotiate response"));
        }
        bound = true;
        return Optional.empty();
    }

    /**
     * Whether the bind negotiated header signing (PFC_SUPPORT_HEADER_SIGN proposed in the bind and
     * echoed in the bind_ack): then checksums cover the whole PDU up to the signature, not only the
     * stub. Off unless set.
     */
    @Override
    public synchronized void headerSigningNegotiated(boolean negotiated) {
        protection.headerSigning(negotiated);
    }

    /** 56 bytes at both levels (see {@link NetlogonSignature}). */
    @Override
    public int signatureSize() {
        return NetlogonSignature.SIZE;
    }

    @Override
    public synchronized byte[] protect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset)
            throws ClientSecurityException {
        requireBound();
        try {
            return protection.protect(pdu, stubOffset, stubLength, signatureOffset);
        } catch (NetlogonCryptoException e) {
            throw wrap(e);
        }
    }

    @Override
    public synchronized void unprotect(byte[] pdu, int stubOffset, int stubLength, int signatureOffset,
            int signatureLength) throws ClientSecurityException {
        requireBound();
        try {
            protection.unprotect(pdu, stubOffset, stubLength, signatureOffset, signatureLength);
        } catch (NetlogonCryptoException e) {
            throw wrap(e);
        }
    }

    /** Wipes the keys; the context is unusable afterwards. */
    public synchronized void destroy() {
        protection.destroy();
        bound = false;
    }

    @Override
    public String toString() {
        return "NetlogonSsp[level=" + authLevel + ", bound=" + bound + "]";
    }

    private void requireBound() throws ClientSecurityException {
        if (!bound) {
            throw new ClientSecurityException("the Netlogon SSP context is not bound (no accepted bind_ack)");
        }
    }

    private static ClientSecurityException wrap(NetlogonCryptoException e) {
        return new ClientSecurityException(e.getMessage(), e);
    }
}
