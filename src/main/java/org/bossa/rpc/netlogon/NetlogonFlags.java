package org.bossa.rpc.netlogon;

/**
 * NETLOGON_NEG_* negotiate flags (MS-NRPC 3.1.4.2) a member proposes in NetrServerAuthenticate3:
 * the Active Directory set Samba's member proposes, with AES and strong keys, and without RC4
 * (NETLOGON_NEG_ARCFOUR, 0x4) — no RC4 or DES path exists (CVE-2022-38023).
 */
public final class NetlogonFlags {
    /** NETLOGON_NEG_ARCFOUR: RC4, never proposed. */
    public static final int ARCFOUR = 0x00000004;
    /** NETLOGON_NEG_STRONG_KEYS (128-bit). */
    public static final int STRONG_KEYS = 0x00004000;
    /** NETLOGON_NEG_SUPPORTS_AES. */
    public static final int SUPPORTS_AES = 0x01000000;
    /** NETLOGON_NEG_AUTHENTICATED_RPC: the secure channel is bound with the Netlogon SSP (schannel). */
    public static final int AUTHENTICATED_RPC = 0x40000000;
    /** The Windows 2000+ flag set Samba's NETLOGON_NEG_AUTH2_ADS_FLAGS starts from. */
    private static final int ADS_BASE = 0x200fbffb;

    /** What a Bossa member asks for. */
    public static final int REQUESTED = (ADS_BASE | STRONG_KEYS | SUPPORTS_AES | AUTHENTICATED_RPC) & ~ARCFOUR;

    private NetlogonFlags() {
    }

    /** The flags as Samba and Windows print them, 0x%08x. */
    public static String hex(int flags) {
        return String.format("0x%08x", flags);
    }
}
