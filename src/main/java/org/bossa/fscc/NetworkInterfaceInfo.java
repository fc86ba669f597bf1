package org.bossa.fscc;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One NETWORK_INTERFACE_INFO element of the FSCTL_QUERY_NETWORK_INTERFACE_INFO response, [MS-SMB2] 2.2.32.5:
 * Next 4, IfIndex 4, Capability 4, Reserved 4, LinkSpeed 8, SockAddr_Storage 128 = 152 bytes. The
 * SOCKADDR_STORAGE (2.2.32.5.1) is Family 2 (0x0002 IPv4, 0x0017 IPv6) then SOCKADDR_IN (Port 2 = 0, IPv4Address
 * 4 in network order, Reserved 8) or SOCKADDR_IN6 (Port 2 = 0, FlowInfo 4, IPv6Address 16, ScopeId 4), zero-padded.
 *
 * @param ifIndex    IfIndex: the interface's index
 * @param capability Capability: {@link #RSS_CAPABLE}, {@link #RDMA_CAPABLE}
 * @param linkSpeed  LinkSpeed in bits per second
 * @param address    the address clients may connect to
 */
public record NetworkInterfaceInfo(int ifIndex, int capability, long linkSpeed, InetAddress address) {
    public static final int RSS_CAPABLE = 0x00000001;
    public static final int RDMA_CAPABLE = 0x00000002;
    public static final int SIZE = 152;
    public static final int AF_INET = 0x0002;
    public static final int AF_INET6 = 0x0017;

    public NetworkInterfaceInfo {
        Objects.requireNonNull(address, "address");
    }

    /** The response's output: the elements chained by Next, each 152 bytes (already 8-aligned). */
    public static byte[] encode(List<NetworkInterfaceInfo> interfaces) {
        LeWriter w = new LeWriter(SIZE * Math.max(1, interfaces.size()));
        for (int i = 0; i < interfaces.size(); i++) {
            NetworkInterfaceInfo n = interfaces.get(i);
            int start = w.position();
            w.u32(i < interfaces.size() - 1 ? SIZE : 0).u32(n.ifIndex).u32(n.capability).u32(0).u64(n.linkSpeed);
            byte[] ip = n.address.getAddress();
            if (n.address instanceof Inet4Address) {
                w.u16(AF_INET).u16(0).bytes(ip).zeros(8);
            } else if (n.address instanceof Inet6Address a6) {
                w.u16(AF_INET6).u16(0).u32(0).bytes(ip).u32(a6.getScopeId());
            }
            w.zeros(SIZE - (w.position() - start));
        }
        return w.toByteArray();
    }
}
