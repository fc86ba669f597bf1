package org.bossa.auth.ntlm;

/**
 * Checks an NTLMv2 response and returns the user session key. Local accounts: {@link LocalNtlmVerifier}; domain
 * accounts: Netlogon pass-through (NetrLogonSamLogonEx with the server challenge and the response).
 */
public interface NtlmVerifier {

    /**
     * @param auth the decoded AUTHENTICATE message (user and domain exactly as the client sent them)
     * @param serverChallenge the 8-byte challenge from our CHALLENGE message
     * @param ntlmv2Response the complete NtChallengeResponse (NTProofStr followed by the client challenge blob)
     */
    NtlmVerification verify(NtlmAuthenticateMessage auth, byte[] serverChallenge, byte[] ntlmv2Response);
}
