package org.bossa.auth;

/** What the SMB server needs from the authentication layer: the NEGOTIATE blob and fresh contexts. */
public interface SecurityContextFactory {

    /** The security buffer for the SMB2 NEGOTIATE response (a SPNEGO NegTokenInit2 listing the mechanisms). */
    byte[] negotiateToken();

    /** A new acceptor for one session setup. */
    SecurityContext newContext();
}
