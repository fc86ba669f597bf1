package org.bossa.rpc.epmapper;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.SyntaxId;
import org.bossa.dcerpc.client.RpcClientConnection;
import org.bossa.dcerpc.client.RpcClientOptions;
import org.bossa.dcerpc.client.RpcException;

/**
 * Client of the endpoint mapper (C706 appendix O, MS-RPCE 3.1.2) on TCP port 135: asks with
 * ept_map which TCP port serves an interface, as a client must before it binds to Netlogon,
 * LSA or SAMR over ncacn_ip_tcp (their ports are dynamic).
 *
 * <pre>{@code
 * int port = new EndpointMapper(RpcClientOptions.defaults()).tcpPort(dcAddress, NETLOGON);
 * }</pre>
 */
public final class EndpointMapper {
    /** The endpoint mapper's well-known ncacn_ip_tcp port. */
    public static final int PORT = 135;
    /** The endpoint mapper interface, e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0. */
    public static final SyntaxId EPMAPPER = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);
    private static final byte[] ANY_ADDRESS = new byte[4];

    private final RpcClientOptions options;

    public EndpointMapper(RpcClientOptions options) {
        this.options = options;
    }

    /**
     * Connects to the endpoint mapper at {@code host}, binds without authentication, asks for
     * {@code iface} over ncacn_ip_tcp and NDR 2.0, and closes.
     *
     * @return the TCP port serving the interface
     * @throws EndpointMapperException when the interface is not registered or no TCP endpoint came back
     * @throws RpcException            when the endpoint mapper cannot be reached or answers with a fault
     */
    public int tcpPort(InetAddress host, SyntaxId iface) throws RpcException, EndpointMapperException {
        try (RpcClientConnection c = RpcClientConnection.connect(new InetSocketAddress(host, PORT), options)) {
            c.bind(EPMAPPER, Optional.empty());
            return tcpPort(c, iface);
        }
    }

    /** As {@link #tcpPort(InetAddress, SyntaxId)} for a host name or address literal. */
    public int tcpPort(String host, SyntaxId iface) throws RpcException, EndpointMapperException {
        try (RpcClientConnection c = RpcClientConnection.connect(host, PORT, options)) {
            c.bind(EPMAPPER, Optional.empty());
            return tcpPort(c, iface);
        }
    }

    /** ept_map on a connection already bound to {@link #EPMAPPER}; see {@link #tcpPort(InetAddress, SyntaxId)}. */
    public static int tcpPort(RpcClientConnection epmapper, SyntaxId iface) throws RpcException, EndpointMapperException {
        byte[] out = epmapper.call(EptMap.OPNUM, EptMap.request(ProtocolTower.ncacnIpTcp(iface, 0, ANY_ADDRESS)));
        EptMap.Result result;
        try {
            result = EptMap.response(out);
        } catch (NdrException e) {
            throw new EndpointMapperException(EndpointMapperException.Reason.MALFORMED, 0,
                    "ept_map answer from " + epmapper.peer() + ": " + e.getMessage());
        }
        String what = iface.uuid() + " v" + iface.versionMajor() + "." + iface.versionMinor();
        if (result.status() == EptMap.EPT_S_NOT_REGISTERED || result.status() == EptMap.EPT_S_NOT_REGISTERED_WIN32
                || (result.status() == 0 && result.towers().isEmpty())) {
            throw new EndpointMapperException(EndpointMapperException.Reason.NOT_REGISTERED, result.status(),
                    "interface " + what + " is not registered with the endpoint mapper of " + epmapper.peer());
        }
        if (result.status() != 0) {
            throw new EndpointMapperException(EndpointMapperException.Reason.SERVER_ERROR, result.status(),
                    String.format("ept_map for %s at %s failed with status 0x%08x", what, epmapper.peer(), result.status()));
        }
        for (ProtocolTower t : result.towers()) {
            OptionalInt port = t.tcpPortFor(iface);
            if (port.isPresent()) {
                return port.getAsInt();
            }
        }
        throw new EndpointMapperException(EndpointMapperException.Reason.NO_TCP_ENDPOINT, 0,
                "no ncacn_ip_tcp endpoint for " + what + " among " + result.towers().size() + " towers from "
                        + epmapper.peer());
    }
}
