package org.bossa.auth;

/**
 * A mechanism's acceptor context as SPNEGO drives it: the plain {@link SecurityContext} plus the
 * per-message integrity SPNEGO needs for the mechListMIC (RFC 4178 section 5, MS-SPNG 3.3.5.1).
 */
public interface MechanismContext extends SecurityContext {

    /**
     * After DONE: true if the mechanism established integrity keys (for NTLMSSP: signing negotiated and
     * not anonymous), so a mechListMIC can be made and checked.
     */
    boolean integrityAvailable();

    /**
     * After DONE: true if the mechanism itself says the peer will exchange a mechListMIC (NTLMSSP: the
     * AUTHENTICATE message carried a MIC, MsvAvFlags 0x2; Samba's GENSEC_FEATURE_NEW_SPNEGO).
     */
    boolean mechListMicExpected();

    /** After DONE: the acceptor's (server-to-client) MIC over the DER mechTypes list. */
    byte[] mechListMic(byte[] mechTypesDer);

    /** After DONE: check the initiator's (client-to-server) MIC over the DER mechTypes list. */
    boolean verifyMechListMic(byte[] mechTypesDer, byte[] mic);
}
