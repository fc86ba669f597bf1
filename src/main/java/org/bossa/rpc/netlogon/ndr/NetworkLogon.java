package org.bossa.rpc.netlogon.ndr;

import java.util.Arrays;

/**
 * NETLOGON_NETWORK_INFO (MS-NRPC 2.2.1.4.6): a challenge-response logon, with its
 * NETLOGON_LOGON_IDENTITY_INFO (2.2.1.4.15). Byte arrays are copied in and out; {@link #toString()}
 * shows names only, never the responses.
 *
 * @param logonDomainName     the domain the client named (may be "")
 * @param parameterControl    MSV1_0_* flags
 * @param reserved            the identity's 64-bit Reserved field (Samba: logon_id; no protocol meaning)
 * @param userName            the account name the client sent
 * @param workstation         the client's workstation name, or null
 * @param lmChallenge         the 8-byte server challenge of our NTLMSSP CHALLENGE message
 * @param ntChallengeResponse the NTLMv2 response (at most 65535 bytes)
 * @param lmChallengeResponse the LMv2 response, empty, or null for a null pointer
 */
public record NetworkLogon(String logonDomainName, int parameterControl, long reserved, String userName,
        String workstation, byte[] lmChallenge, byte[] ntChallengeResponse, byte[] lmChallengeResponse) {
    public static final int MSV1_0_CLEARTEXT_PASSWORD_ALLOWED = 0x00000002;
    public static final int MSV1_0_UPDATE_LOGON_STATISTICS = 0x00000004;
    public static final int MSV1_0_RETURN_USER_PARAMETERS = 0x00000008;
    public static final int MSV1_0_DONT_TRY_GUEST_ACCOUNT = 0x00000010;
    public static final int MSV1_0_ALLOW_SERVER_TRUST_ACCOUNT = 0x00000020;
    public static final int MSV1_0_RETURN_PASSWORD_EXPIRY = 0x00000040;
    public static final int MSV1_0_RETURN_PROFILE_PATH = 0x00000200;
    public static final int MSV1_0_ALLOW_WORKSTATION_TRUST_ACCOUNT = 0x00000800;

    public NetworkLogon {
        if (userName == null) {
            throw new IllegalArgumentException("user name is required");
        }
        lmChallenge = NetlogonNdr.checkCredential(lmChallenge, "LM challenge").clone();
        if (ntChallengeResponse == null) {
            throw new IllegalArgumentException("NT challenge response is required");
        }
        if (ntChallengeResponse.length > 0xFFFF
                || (lmChallengeResponse != null && lmChallengeResponse.length > 0xFFFF)) {
            throw new IllegalArgumentException("challenge response longer than 65535 bytes");
        }
        ntChallengeResponse = ntChallengeResponse.clone();
        lmChallengeResponse = lmChallengeResponse == null ? null : lmChallengeResponse.clone();
    }

    @Override
    public byte[] lmChallenge() {
        return lmChallenge.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse == null ? null : lmChallengeResponse.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkLogon n && java.util.Objects.equals(n.logonDomainName, logonDomainName)
                && n.parameterControl == parameterControl && n.reserved == reserved && n.userName.equals(userName)
                && java.util.Objects.equals(n.workstation, workstation) && Arrays.equals(n.lmChallenge, lmChallenge)
                && Arrays.equals(n.ntChallengeResponse, ntChallengeResponse)
                && Arrays.equals(n.lmChallengeResponse, lmChallengeResponse);
    }

    @Override
    public int hashCode() {
        return userName.hashCode() * 31 + Arrays.hashCode(ntChallengeResponse);
    }

    @Override
    public String toString() {
        return "NetworkLogon[" + logonDomainName + "\\" + userName + " from " + workstation + "]";
    }
}
