package org.bossa.auth.ntlm;

import java.util.Arrays;

/**
 * NTLMv2_RESPONSE (MS-NLMP 2.2.2.8): Response/NTProofStr (16), then NTLMv2_CLIENT_CHALLENGE (2.2.2.7):
 * RespType (1), HiRespType (1), Reserved1 (2), Reserved2 (4), TimeStamp (8), ChallengeFromClient (8),
 * Reserved3 (4), AvPairs (to MsvAvEOL), then padding.
 *
 * @param ntProofStr the 16-byte NTProofStr
 * @param clientChallengeBlob everything after NTProofStr (the "temp" of MS-NLMP 3.3.2), as the client sent it
 * @param timestamp the client's FILETIME
 * @param challengeFromClient the 8-byte client challenge
 * @param avPairs the AV pairs the client echoed and added
 */
public record NtlmV2Response(byte[] ntProofStr, byte[] clientChallengeBlob, long timestamp,
        byte[] challengeFromClient, AvPairs avPairs) {
    /** NTProofStr + fixed client-challenge part + MsvAvEOL. */
    public static final int MIN_LENGTH = 16 + 28 + 4;

    public NtlmV2Response {
        ntProofStr = ntProofStr.clone();
        clientChallengeBlob = clientChallengeBlob.clone();
        challengeFromClient = challengeFromClient.clone();
    }

    public static NtlmV2Response decode(byte[] nt) throws NtlmDecodingException {
        if (nt.length < MIN_LENGTH) {
            throw new NtlmDecodingException("NTLMv2 response of " + nt.length + " bytes is too short");
        }
        byte[] proof = Arrays.copyOfRange(nt, 0, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        long ts = NtlmBytes.u64(nt, 24);
        byte[] cc = NtlmBytes.slice(nt, 32, 8);
        AvPairs pairs = AvPairs.decode(nt, 44, nt.length);
        return new NtlmV2Response(proof, blob, ts, cc, pairs);
    }

    @Override
    public byte[] ntProofStr() {
        return ntProofStr.clone();
    }

    @Override
    public byte[] clientChallengeBlob() {
        return clientChallengeBlob.clone();
    }

    @Override
    public byte[] challengeFromClient() {
        return challengeFromClient.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmV2Response r && Arrays.equals(r.ntProofStr, ntProofStr)
                && Arrays.equals(r.clientChallengeBlob, clientChallengeBlob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ntProofStr);
    }
}
