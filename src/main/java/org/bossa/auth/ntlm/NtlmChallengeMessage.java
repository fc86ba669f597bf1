package org.bossa.auth.ntlm;

import java.util.Arrays;
import java.util.Objects;

/**
 * CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2): Signature (8), MessageType = 2 (4), TargetNameFields (8) at 12,
 * NegotiateFlags (4) at 20, ServerChallenge (8) at 24, Reserved (8) at 32, TargetInfoFields (8) at 40,
 * Version (8) at 48, payload from 56.
 *
 * @param flags NegotiateFlags
 * @param targetName TargetName (empty unless REQUEST_TARGET was asked)
 * @param serverChallenge the 8-byte ServerChallenge
 * @param targetInfo the AV pairs, or null when NEGOTIATE_TARGET_INFO is clear
 * @param version the 8-byte VERSION, or null
 */
public record NtlmChallengeMessage(int flags, String targetName, byte[] serverChallenge, AvPairs targetInfo,
        byte[] version) {
    public static final int TYPE = 2;

    public NtlmChallengeMessage {
        targetName = targetName == null ? "" : targetName;
        Objects.requireNonNull(serverChallenge, "serverChallenge");
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("ServerChallenge is 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
        if (version != null) {
            if (version.length != 8) {
                throw new IllegalArgumentException("VERSION is 8 bytes");
            }
            version = version.clone();
        }
    }

    public static NtlmChallengeMessage decode(byte[] msg) throws NtlmDecodingException {
        NtlmBytes.checkHeader(msg, TYPE, 32);
        int flags = NtlmBytes.u32(msg, 20);
        boolean unicode = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_UNICODE);
        boolean hasInfoFields = msg.length >= 48;
        boolean hasVersion = msg.length >= 56 && NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_VERSION);
        int headerEnd = hasVersion ? 56 : hasInfoFields ? 48 : 32;
        String targetName = NtlmBytes.string(NtlmBytes.field(msg, 12, headerEnd), unicode);
        byte[] challenge = NtlmBytes.slice(msg, 24, 8);
        AvPairs info = null;
        if (hasInfoFields && NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_TARGET_INFO)) {
            info = AvPairs.decode(NtlmBytes.field(msg, 40, headerEnd));
        }
        byte[] version = hasVersion ? NtlmBytes.slice(msg, 48, 8) : null;
        return new NtlmChallengeMessage(flags, targetName, challenge, info, version);
    }

    public byte[] encode() {
        boolean unicode = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_UNICODE);
        NtlmBytes.Builder b = new NtlmBytes.Builder(TYPE, 56);
        b.field(12, NtlmBytes.encodeString(targetName, unicode));
        b.put32At(20, flags);
        b.bytesAt(24, serverChallenge);
        b.field(40, targetInfo == null ? NtlmBytes.EMPTY : targetInfo.encode());
        if (version != null) {
            b.bytesAt(48, version);
        }
        return b.build();
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    @Override
    public byte[] version() {
        return version == null ? null : version.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmChallengeMessage m && m.flags == flags && m.targetName.equals(targetName)
                && Arrays.equals(m.serverChallenge, serverChallenge) && Objects.equals(m.targetInfo, targetInfo)
                && Arrays.equals(m.version, version);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(serverChallenge);
    }

    @Override
    public String toString() {
        return "NtlmChallengeMessage[" + NtlmFlags.describe(flags) + ", target=" + targetName + ", info="
                + targetInfo + "]";
    }
}
