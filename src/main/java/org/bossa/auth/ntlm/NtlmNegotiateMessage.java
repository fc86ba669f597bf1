package org.bossa.auth.ntlm;

import java.util.Arrays;

/**
 * NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1): Signature (8), MessageType = 1 (4), NegotiateFlags (4) at 12,
 * DomainNameFields (8) at 16, WorkstationFields (8) at 24, Version (8) at 32, payload from 40.
 *
 * @param flags NegotiateFlags
 * @param domain the OEM domain name when NEGOTIATE_OEM_DOMAIN_SUPPLIED, else empty
 * @param workstation the OEM workstation name when NEGOTIATE_OEM_WORKSTATION_SUPPLIED, else empty
 * @param version the 8-byte VERSION structure, or null when absent
 */
public record NtlmNegotiateMessage(int flags, String domain, String workstation, byte[] version) {
    public static final int TYPE = 1;
    private static final int FIXED = 32;

    public NtlmNegotiateMessage {
        domain = domain == null ? "" : domain;
        workstation = workstation == null ? "" : workstation;
        if (version != null) {
            if (version.length != 8) {
                throw new IllegalArgumentException("VERSION is 8 bytes");
            }
            version = version.clone();
        }
    }

    public static NtlmNegotiateMessage decode(byte[] msg) throws NtlmDecodingException {
        NtlmBytes.checkHeader(msg, TYPE, 16);
        int flags = NtlmBytes.u32(msg, 12);
        String domain = "";
        String workstation = "";
        byte[] version = null;
        if (msg.length >= FIXED) {
            int headerEnd = msg.length >= 40 && NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_VERSION) ? 40 : FIXED;
            if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_OEM_DOMAIN_SUPPLIED)) {
                domain = NtlmBytes.string(NtlmBytes.field(msg, 16, headerEnd), false);
            }
            if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_OEM_WORKSTATION_SUPPLIED)) {
                workstation = NtlmBytes.string(NtlmBytes.field(msg, 24, headerEnd), false);
            }
            if (headerEnd == 40) {
                version = NtlmBytes.slice(msg, 32, 8);
            }
        }
        return new NtlmNegotiateMessage(flags, domain, workstation, version);
    }

    public byte[] encode() {
        NtlmBytes.Builder b = new NtlmBytes.Builder(TYPE, version == null ? FIXED : 40);
        b.put32At(12, flags);
        b.field(16, NtlmBytes.encodeString(domain, false));
        b.field(24, NtlmBytes.encodeString(workstation, false));
        if (version != null) {
            b.bytesAt(32, version);
        }
        return b.build();
    }

    @Override
    public byte[] version() {
        return version == null ? null : version.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmNegotiateMessage m && m.flags == flags && m.domain.equals(domain)
                && m.workstation.equals(workstation) && Arrays.equals(m.version, version);
    }

    @Override
    public int hashCode() {
        return flags * 31 + domain.hashCode();
    }

    @Override
    public String toString() {
        return "NtlmNegotiateMessage[" + NtlmFlags.describe(flags) + ", domain=" + domain + ", workstation="
                + workstation + "]";
    }
}
