package org.bossa.auth.ntlm;

import java.util.Arrays;
import java.util.Objects;

/**
 * AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3): Signature (8), MessageType = 3 (4), LmChallengeResponseFields at 12,
 * NtChallengeResponseFields at 20, DomainNameFields at 28, UserNameFields at 36, WorkstationFields at 44,
 * EncryptedRandomSessionKeyFields at 52, NegotiateFlags (4) at 60, Version (8) at 64, MIC (16) at 72, payload.
 *
 * <p>Version and MIC are optional on the wire: they are taken to be present when no payload field starts before
 * their end, which is how Windows and Samba lay the message out.
 *
 * @param flags NegotiateFlags
 * @param lmChallengeResponse LmChallengeResponse (may be empty)
 * @param ntChallengeResponse NtChallengeResponse (may be empty)
 * @param domainName DomainName as the client sent it
 * @param userName UserName as the client sent it
 * @param workstation Workstation
 * @param encryptedRandomSessionKey EncryptedRandomSessionKey (empty unless KEY_EXCH)
 * @param version the VERSION, or null
 * @param mic the 16-byte MIC field, or null when the layout leaves no room for one
 */
public record NtlmAuthenticateMessage(int flags, byte[] lmChallengeResponse, byte[] ntChallengeResponse,
        String domainName, String userName, String workstation, byte[] encryptedRandomSessionKey,
        byte[] version, byte[] mic) {
    public static final int TYPE = 3;
    /** Where the MIC sits in the message (MS-NLMP 3.1.5.1.2). */
    public static final int MIC_OFFSET = 72;
    public static final int MIC_LENGTH = 16;
    private static final int FIXED = 64;

    public NtlmAuthenticateMessage {
        lmChallengeResponse = copy(lmChallengeResponse);
        ntChallengeResponse = copy(ntChallengeResponse);
        encryptedRandomSessionKey = copy(encryptedRandomSessionKey);
        domainName = Objects.requireNonNullElse(domainName, "");
        userName = Objects.requireNonNullElse(userName, "");
        workstation = Objects.requireNonNullElse(workstation, "");
        if (version != null && version.length != 8) {
            throw new IllegalArgumentException("VERSION is 8 bytes");
        }
        if (mic != null && mic.length != MIC_LENGTH) {
            throw new IllegalArgumentException("MIC is 16 bytes");
        }
        if (mic != null && version == null) {
            throw new IllegalArgumentException("a MIC needs the VERSION field before it");
        }
        version = version == null ? null : version.clone();
        mic = mic == null ? null : mic.clone();
    }

    private static byte[] copy(byte[] b) {
        return b == null ? NtlmBytes.EMPTY : b.clone();
    }

    public static NtlmAuthenticateMessage decode(byte[] msg) throws NtlmDecodingException {
        NtlmBytes.checkHeader(msg, TYPE, FIXED);
        int flags = NtlmBytes.u32(msg, 60);
        boolean unicode = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_UNICODE);
        int firstPayload = Integer.MAX_VALUE;
        for (int at = 12; at <= 52; at += 8) {
            int off = NtlmBytes.fieldOffset(msg, at);
            firstPayload = Integer.compareUnsigned(off, firstPayload) < 0 ? off : firstPayload;
        }
        int headerEnd = FIXED;
        byte[] version = null;
        byte[] mic = null;
        if (msg.length >= MIC_OFFSET && Integer.compareUnsigned(firstPayload, MIC_OFFSET) >= 0) {
            version = NtlmBytes.slice(msg, 64, 8);
            headerEnd = MIC_OFFSET;
            if (msg.length >= MIC_OFFSET + MIC_LENGTH
                    && Integer.compareUnsigned(firstPayload, MIC_OFFSET + MIC_LENGTH) >= 0) {
                mic = NtlmBytes.slice(msg, MIC_OFFSET, MIC_LENGTH);
                headerEnd = MIC_OFFSET + MIC_LENGTH;
            }
        }
        byte[] lm = NtlmBytes.field(msg, 12, headerEnd);
        byte[] nt = NtlmBytes.field(msg, 20, headerEnd);
        String domain = NtlmBytes.string(NtlmBytes.field(msg, 28, headerEnd), unicode);
        String user = NtlmBytes.string(NtlmBytes.field(msg, 36, headerEnd), unicode);
        String workstation = NtlmBytes.string(NtlmBytes.field(msg, 44, headerEnd), unicode);
        byte[] key = NtlmBytes.field(msg, 52, headerEnd);
        return new NtlmAuthenticateMessage(flags, lm, nt, domain, user, workstation, key, version, mic);
    }

    /**
     * Encodes the message; the payload follows the header in the order Windows uses (domain, user, workstation,
     * LM, NT, session key). With a MIC the header is 88 bytes, else 72 with a VERSION, else 64.
     */
    public byte[] encode() {
        boolean unicode = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_UNICODE);
        int header = mic != null ? MIC_OFFSET + MIC_LENGTH : version != null ? MIC_OFFSET : FIXED;
        NtlmBytes.Builder b = new NtlmBytes.Builder(TYPE, header);
        b.field(28, NtlmBytes.encodeString(domainName, unicode));
        b.field(36, NtlmBytes.encodeString(userName, unicode));
        b.field(44, NtlmBytes.encodeString(workstation, unicode));
        b.field(12, lmChallengeResponse);
        b.field(20, ntChallengeResponse);
        b.field(52, encryptedRandomSessionKey);
        b.put32At(60, flags);
        if (version != null) {
            b.bytesAt(64, version);
        }
        if (mic != null) {
            b.bytesAt(MIC_OFFSET, mic);
        }
        return b.build();
    }

    /** True for the anonymous form (MS-NLMP 3.2.5.1.2): no user, no NT response, LM response empty or one zero. */
    public boolean isAnonymous() {
        return userName.isEmpty() && ntChallengeResponse.length == 0
                && (lmChallengeResponse.length == 0
                        || (lmChallengeResponse.length == 1 && lmChallengeResponse[0] == 0));
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] version() {
        return version == null ? null : version.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmAuthenticateMessage m && m.flags == flags
                && Arrays.equals(m.lmChallengeResponse, lmChallengeResponse)
                && Arrays.equals(m.ntChallengeResponse, ntChallengeResponse) && m.domainName.equals(domainName)
                && m.userName.equals(userName) && m.workstation.equals(workstation)
                && Arrays.equals(m.encryptedRandomSessionKey, encryptedRandomSessionKey)
                && Arrays.equals(m.version, version) && Arrays.equals(m.mic, mic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, domainName, userName, workstation);
    }

    @Override
    public String toString() {
        return "NtlmAuthenticateMessage[" + NtlmFlags.describe(flags) + ", " + domainName + "\\" + userName
                + " from " + workstation + ", lm " + lmChallengeResponse.length + " nt " + ntChallengeResponse.length
                + (mic != null ? ", MIC field" : "") + "]";
    }
}
