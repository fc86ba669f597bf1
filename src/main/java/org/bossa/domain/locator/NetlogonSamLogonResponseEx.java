package org.bossa.domain.locator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * NETLOGON_SAM_LOGON_RESPONSE_EX (MS-ADTS 6.3.1.9), the value of the {@code Netlogon} attribute in
 * a DC's answer to an LDAP ping. All integers little-endian; names compressed as MS-ADTS 6.3.7
 * describes ({@link NetlogonReader}); an empty name is the empty string.
 *
 * @param opcode              Opcode (2)
 * @param flags               Flags (4), DS_FLAG bits ({@link #dsFlags()})
 * @param domainGuid          DomainGuid (16), the NC's objectGUID
 * @param dnsForestName       DnsForestName
 * @param dnsDomainName       DnsDomainName
 * @param dnsHostName         DnsHostName, the DC's DNS name
 * @param netbiosDomainName   NetbiosDomainName
 * @param netbiosComputerName NetbiosComputerName, the DC's NetBIOS name
 * @param userName            UserName, echoed from the ping
 * @param dcSiteName          DcSiteName
 * @param clientSiteName      ClientSiteName, the site the DC places the client's address in
 * @param dcSockAddr          DcSockAddr: the address the DC received the ping on, when
 *                            NETLOGON_NT_VERSION_5EX_WITH_IP was asked for and the DC sent it
 * @param nextClosestSiteName NextClosestSiteName, when NETLOGON_NT_VERSION_WITH_CLOSEST_SITE was
 *                            asked for; else empty
 * @param ntVersion           NtVersion (4), NETLOGON_NT_VERSION bits
 * @param lmNtToken           LmNtToken (2), 0xFFFF
 * @param lm20Token           Lm20Token (2), 0xFFFF
 */
public record NetlogonSamLogonResponseEx(NetlogonOpcode opcode, int flags, UUID domainGuid, String dnsForestName,
                                         String dnsDomainName, String dnsHostName, String netbiosDomainName,
                                         String netbiosComputerName, String userName, String dcSiteName,
                                         String clientSiteName, Optional<InetAddress> dcSockAddr,
                                         String nextClosestSiteName, int ntVersion, int lmNtToken, int lm20Token) {

    /** Far above any real answer (eight names of at most 255 octets and 50 fixed bytes). */
    public static final int MAX_SIZE = 4096;

    private static final int TRAILER = 8; // NtVersion, LmNtToken, Lm20Token
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 23; // the Windows value

    public NetlogonSamLogonResponseEx {
        dcSockAddr = dcSockAddr == null ? Optional.empty() : dcSockAddr;
    }

    public EnumSet<DsFlag> dsFlags() {
        return DsFlag.of(flags);
    }

    /**
     * Decodes the structure.
     *
     * @param requestedNtVersion the NtVer the ping asked with: it decides whether DcSockAddrSize and
     *                           NextClosestSiteName are present (the structure does not say itself)
     */
    public static NetlogonSamLogonResponseEx decode(byte[] blob, int requestedNtVersion)
            throws NetlogonFormatException {
        if (blob.length > MAX_SIZE) {
            throw new NetlogonFormatException("NETLOGON_SAM_LOGON_RESPONSE_EX of " + blob.length
                    + " bytes exceeds " + MAX_SIZE);
        }
        NetlogonReader r = new NetlogonReader(blob);
        NetlogonOpcode opcode = NetlogonOpcode.fromCode(r.u16("Opcode"));
        r.u16("Sbz");
        int flags = r.u32("Flags");
        UUID guid = guid(r.bytes(16, "DomainGuid"));
        String forest = r.name("DnsForestName");
        String domain = r.name("DnsDomainName");
        String host = r.name("DnsHostName");
        String nbDomain = r.name("NetbiosDomainName");
        String nbComputer = r.name("NetbiosComputerName");
        String user = r.name("UserName");
        String dcSite = r.name("DcSiteName");
        String clientSite = r.name("ClientSiteName");
        Optional<InetAddress> sockAddr = Optional.empty();
        String nextClosest = "";
        // The optional parts appear only when asked for, and a DC may leave out what it does not
        // support (Samba 4.17 never sends NextClosestSiteName): only the trailer then follows.
        if ((requestedNtVersion & NtVersion.V5EX_WITH_IP) != 0 && r.remaining() > TRAILER) {
            int size = r.u8("DcSockAddrSize");
            sockAddr = sockAddr(r.bytes(size, "DcSockAddr"));
        }
        if ((requestedNtVersion & NtVersion.WITH_CLOSEST_SITE) != 0 && r.remaining() > TRAILER) {
            nextClosest = r.name("NextClosestSiteName");
        }
        int ntVersion = r.u32("NtVersion");
        int lmNt = r.u16("LmNtToken");
        int lm20 = r.u16("Lm20Token");
        return new NetlogonSamLogonResponseEx(opcode, flags, guid, forest, domain, host, nbDomain, nbComputer, user,
                dcSite, clientSite, sockAddr, nextClosest, ntVersion, lmNt, lm20);
    }

    /** MS-DTYP 2.3.4 GUID: Data1 (4), Data2 (2), Data3 (2) little-endian, then Data4 (8) as is. */
    static UUID guid(byte[] g) {
        long data1 = (g[0] & 0xFFL) | (g[1] & 0xFFL) << 8 | (g[2] & 0xFFL) << 16 | (g[3] & 0xFFL) << 24;
        long data2 = (g[4] & 0xFFL) | (g[5] & 0xFFL) << 8;
        long data3 = (g[6] & 0xFFL) | (g[7] & 0xFFL) << 8;
        long msb = data1 << 32 | data2 << 16 | data3;
        long lsb = 0;
        for (int i = 8; i < 16; i++) {
            lsb = lsb << 8 | (g[i] & 0xFFL);
        }
        return new UUID(msb, lsb);
    }

    /**
     * SOCKADDR_IN (family AF_INET, little-endian; port and address in network order) or a Windows
     * SOCKADDR_IN6; any other family or size carries no address we use.
     */
    private static Optional<InetAddress> sockAddr(byte[] sa) {
        if (sa.length < 2) {
            return Optional.empty();
        }
        int family = (sa[0] & 0xFF) | (sa[1] & 0xFF) << 8;
        try {
            if (family == AF_INET && sa.length >= 8) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(sa, 4, 8)));
            }
            if (family == AF_INET6 && sa.length >= 24) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(sa, 8, 24)));
            }
        } catch (UnknownHostException e) {
            throw new AssertionError("4 and 16 bytes are valid address lengths", e);
        }
        return Optional.empty();
    }
}
