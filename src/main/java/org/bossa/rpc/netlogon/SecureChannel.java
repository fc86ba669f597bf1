package org.bossa.rpc.netlogon;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.SyntaxId;
import org.bossa.dcerpc.client.RpcClientConnection;
import org.bossa.dcerpc.client.RpcException;
import org.bossa.dcerpc.client.RpcFaultException;
import org.bossa.dcerpc.client.RpcTransportException;
import org.bossa.rpc.epmapper.EndpointMapper;
import org.bossa.rpc.epmapper.EndpointMapperException;
import org.bossa.rpc.netlogon.crypto.ClientChallenge;
import org.bossa.rpc.netlogon.ndr.Authenticator;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialHandshake;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialState;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.ndr.LogonControl;
import org.bossa.rpc.netlogon.ndr.LogonGetCapabilities;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.bossa.rpc.netlogon.ndr.SecureChannelType;
import org.bossa.rpc.netlogon.ndr.ServerAuthenticate3;
import org.bossa.rpc.netlogon.ndr.ServerReqChallenge;
import org.bossa.rpc.netlogon.schannel.NetlogonSsp;

/**
 * One Netlogon secure channel to one DC, set up as a hardened Windows member does (MS-NRPC
 * 3.1.4, session-key negotiation): NetrServerReqChallenge with a random challenge,
 * NetrServerAuthenticate3 proposing {@link NetlogonFlags#REQUESTED} and refusing any answer without
 * AES, the server credential verified, then connections bound with the Netlogon SSP at privacy
 * level, and the July 2023 (KB5028185) capability check on the first of them.
 *
 * <p>NetrLogonSamLogonEx needs no authenticator, so logons run concurrently, each on one of up to
 * {@code maxConnections} sealed connections sharing the channel's session key.
 */
public final class SecureChannel implements LogonChannel {
    /** The Netlogon interface, 12345678-1234-abcd-ef00-01234567cffb v1.0. */
    public static final SyntaxId NETLOGON = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);

    private final ChannelParams params;
    private final NetlogonCredentialState state;
    private final int port;
    private final String capabilityCheck;
    private final Instant establishedAt;
    private final Semaphore slots;
    private final Deque<RpcClientConnection> idle = new ArrayDeque<>();
    private volatile boolean closed;

    private SecureChannel(ChannelParams params, NetlogonCredentialState state, int port, String capabilityCheck,
            RpcClientConnection first) {
        this.params = params;
        this.state = state;
        this.port = port;
        this.capabilityCheck = capabilityCheck;
        this.establishedAt = Instant.now();
        this.slots = new Semaphore(params.maxConnections());
        idle.push(first);
    }

    /** Sets up the channel; on any failure nothing stays open. */
    public static SecureChannel establish(ChannelParams p, SecureRandom random) throws NetlogonException {
        int port = netlogonPort(p);
        NetlogonCredentialState state = authenticate(p, port, random);
        RpcClientConnection sealed = null;
        try {
            sealed = openSealed(p, state, port);
            String check = CapabilityCheck.verify(p, state, sealed);
            return new SecureChannel(p, state, port, check, sealed);
        } catch (NetlogonException | RuntimeException e) {
            if (sealed != null) {
                sealed.close();
            }
            state.destroy();
            throw e;
        }
    }

    /** NetrLogonSamLogonEx with NetworkInformation, validation level 6, on a sealed connection. */
    @Override
    public LogonSamLogonEx.Response samLogon(NetworkLogon logon) throws NetlogonException {
        if (closed) {
            throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "the secure channel is closed");
        }
        slots.acquireUninterruptibly();
        RpcClientConnection c = null;
        try {
            c = borrow();
            byte[] out = c.call(LogonSamLogonEx.OPNUM, LogonSamLogonEx.encodeRequest(params.serverName(),
                    params.computerName(), logon, LogonSamLogonEx.VALIDATION_SAM_INFO4, 0));
            LogonSamLogonEx.Response r = LogonSamLogonEx.decodeResponse(out, LogonSamLogonEx.VALIDATION_SAM_INFO4);
            giveBack(c);
            c = null;
            return r;
        } catch (RpcFaultException e) {
            throw new NetlogonException(faultCause(e.status()), "NetrLogonSamLogonEx at " + params.dcHostName()
                    + ": fault " + e.statusName(), e);
        } catch (RpcTransportException e) {
            throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "NetrLogonSamLogonEx at "
                    + params.dcHostName() + ": " + e.getMessage(), e);
        } catch (RpcException e) {
            // a PDU that did not verify (seal, sequence) or broke the protocol: the connection is gone
            throw new NetlogonException(NetlogonException.Cause.PROTOCOL, "NetrLogonSamLogonEx at "
                    + params.dcHostName() + ": " + e.getMessage(), e);
        } catch (org.bossa.dcerpc.NdrException e) {
            // the connection is closed below; the channel stays: the answer echoes the client's input
            throw new NetlogonException(NetlogonException.Cause.CALL_FAILED, "NetrLogonSamLogonEx at "
                    + params.dcHostName() + ": malformed answer: " + e.getMessage(), e);
        } finally {
            if (c != null) {
                c.close();
            }
            slots.release();
        }
    }

    /**
     * What a fault on a logon says about the channel. ACCESS_DENIED is the DC refusing our
     * credentials (it lost the session, e.g. restarted); SEC_PKG_ERROR a PDU whose seal or sequence
     * number did not verify; PROTO_ERROR and UNKNOWN_IF a connection out of step. Samba's client drops
     * its credentials on the first two too. Every other fault is about the call, which one client's
     * input can provoke, so it must not tear down the channel every logon shares.
     */
    static NetlogonException.Cause faultCause(int fault) {
        return switch (fault) {
            case FaultStatus.ACCESS_DENIED -> NetlogonException.Cause.ACCESS_DENIED;
            case FaultStatus.SEC_PKG_ERROR, FaultStatus.PROTO_ERROR, FaultStatus.UNKNOWN_IF ->
                    NetlogonException.Cause.PROTOCOL;
            default -> NetlogonException.Cause.CALL_FAILED;
        };
    }

    /** The DC this channel is to. */
    @Override
    public String dcHostName() {
        return params.dcHostName();
    }

    /** The negotiated NETLOGON_NEG flags. */
    @Override
    public int negotiatedFlags() {
        return state.negotiatedFlags();
    }

    /** How the KB5028185 capability check passed. */
    @Override
    public String capabilityCheck() {
        return capabilityCheck;
    }

    @Override
    public Instant establishedAt() {
        return establishedAt;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(RpcClientConnection::close);
            idle.clear();
        }
        state.destroy();
    }

    private RpcClientConnection borrow() throws NetlogonException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                RpcClientConnection c = idle.pop();
                if (c.isOpen()) {
                    return c;
                }
            }
        }
        return openSealed(params, state, port);
    }

    private void giveBack(RpcClientConnection c) {
        synchronized (idle) {
            if (!closed && c.isOpen()) {
                idle.push(c);
                return;
            }
        }
        c.close();
    }

    private static int netlogonPort(ChannelParams p) throws NetlogonException {
        try {
            return new EndpointMapper(p.options()).tcpPort(p.dcAddress(), NETLOGON);
        } catch (RpcException e) {
            throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "endpoint mapper of " + p.dcHostName()
                    + ": " + e.getMessage(), e);
        } catch (EndpointMapperException e) {
            throw new NetlogonException(NetlogonException.Cause.PROTOCOL, "endpoint mapper of " + p.dcHostName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Steps 1-4: challenges and credentials on an unauthenticated connection. */
    private static NetlogonCredentialState authenticate(ChannelParams p, int port, SecureRandom random)
            throws NetlogonException {
        try (RpcClientConnection c = RpcClientConnection.connect(new InetSocketAddress(p.dcAddress(), port), p.options())) {
            c.bind(NETLOGON, Optional.empty());
            byte[] clientChallenge = ClientChallenge.generate(random);
            ServerReqChallenge.Response challenge = ServerReqChallenge.decodeResponse(c.call(ServerReqChallenge.OPNUM,
                    ServerReqChallenge.encodeRequest(p.serverName(), p.computerName(), clientChallenge)));
            requireSuccess(challenge.status(), "NetrServerReqChallenge", p);
            NetlogonCredentialHandshake hs = NetlogonCredentialHandshake.fromPassword(p.machinePassword(),
                    clientChallenge, challenge.serverChallenge());
            try {
                ServerAuthenticate3.Response auth = ServerAuthenticate3.decodeResponse(c.call(ServerAuthenticate3.OPNUM,
                        ServerAuthenticate3.encodeRequest(p.serverName(), p.computerName() + "$",
                                SecureChannelType.WORKSTATION, p.computerName(), hs.clientCredential(),
                                NetlogonFlags.REQUESTED)));
                requireSuccess(auth.status(), "NetrServerAuthenticate3", p);
                int flags = auth.negotiateFlags();
                if ((flags & NetlogonFlags.SUPPORTS_AES) == 0 || (flags & NetlogonFlags.AUTHENTICATED_RPC) == 0) {
                    throw new NetlogonException(NetlogonException.Cause.NO_AES, p.dcHostName()
                            + " negotiated " + NetlogonFlags.hex(flags) + " without AES or authenticated RPC: refused");
                }
                return hs.complete(auth.serverCredential(), flags);
            } finally {
                hs.destroy();
            }
        } catch (NetlogonCryptoException e) {
            throw new NetlogonException(NetlogonException.Cause.BAD_SERVER_CREDENTIAL, p.dcHostName() + ": "
                    + e.getMessage(), e);
        } catch (RpcException e) {
            throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "Netlogon at " + p.dcHostName() + ": "
                    + e.getMessage(), e);
        } catch (org.bossa.dcerpc.NdrException e) {
            throw new NetlogonException(NetlogonException.Cause.PROTOCOL, "Netlogon at " + p.dcHostName()
                    + ": malformed answer: " + e.getMessage(), e);
        }
    }

    /** Step 5: a connection bound with the Netlogon SSP at privacy level. */
    static RpcClientConnection openSealed(ChannelParams p, NetlogonCredentialState state, int port)
            throws NetlogonException {
        RpcClientConnection c = null;
        try {
            c = RpcClientConnection.connect(new InetSocketAddress(p.dcAddress(), port), p.options());
            c.bind(NETLOGON, Optional.of(NetlogonSsp.sealed(state, p.netbiosDomain(), p.computerName())));
            return c;
        } catch (RpcException e) {
            if (c != null) {
                c.close();
            }
            NetlogonException.Cause cause = e instanceof RpcTransportException ? NetlogonException.Cause.UNREACHABLE
                    : NetlogonException.Cause.ACCESS_DENIED;
            throw new NetlogonException(cause, "sealed Netlogon bind to " + p.dcHostName() + ": " + e.getMessage(), e);
        }
    }

    static void requireSuccess(int status, String call, ChannelParams p) throws NetlogonException {
        if (status != 0) {
            boolean denied = status == 0xC0000022 || status == 0xC000018B || status == 0xC0000072;
            throw new NetlogonException(denied ? NetlogonException.Cause.ACCESS_DENIED : NetlogonException.Cause.PROTOCOL,
                    call + " for " + p.computerName() + "$ at " + p.dcHostName() + " returned NTSTATUS "
                            + String.format("0x%08x", status));
        }
    }

    /** For the capability check: a LogonControl QUERY on the sealed connection. */
    static void confirmWithLogonControl(ChannelParams p, RpcClientConnection c) throws RpcException {
        LogonControl.decodeResponse(c.call(LogonControl.OPNUM, LogonControl.encodeQueryRequest(p.serverName())));
    }
}
