package org.bossa.dcerpc.client;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.bossa.dcerpc.Auth3Pdu;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.BindNakPdu;
import org.bossa.dcerpc.BindPdu;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultPdu;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.PduFormatException;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.PresentationContext;
import org.bossa.dcerpc.SyntaxId;

/**
 * The client side of one connection-oriented DCE/RPC association (C706 chapter 12, MS-RPCE 3.3.2)
 * over an {@link RpcTransport}, normally ncacn_ip_tcp ({@link #connect}).
 *
 * <pre>{@code
 * try (RpcClientConnection c = RpcClientConnection.connect("dc1.example.test", port, RpcClientOptions.defaults())) {
 *     c.bind(NETLOGON, Optional.of(schannel));      // PKT_PRIVACY: every fragment sealed
 *     byte[] out = c.call(opnum, requestStub);       // NDR20 stubs in and out
 * }
 * }</pre>
 *
 * <p>{@link #bind} offers the interface with NDR 2.0 (and the bind-time feature negotiation
 * context, as Windows and Samba do), with the security provider's first token when there is one,
 * hands the bind_ack's token back to the provider and sends an AUTH3 when it asks for a third leg.
 * {@link #alterContext} adds presentation contexts to the association. {@link #call} splits the
 * request stub into fragments of the negotiated size, protects each through the provider at the
 * bound level, and reassembles, checks and unprotects the response fragments.
 *
 * <p>Thread safety: one call at a time. Calls from several threads are serialised by a lock, in
 * the order they take it; call ids increase by one per PDU exchange. A connection has at most one
 * security context (auth_context_id 1). {@link #close} may be
 * called from any thread and fails a call in progress with {@link RpcTransportException}.
 *
 * <p>Errors: a FAULT answer is an {@link RpcFaultException} and leaves the connection usable
 * (except nca_s_proto_error and sec_pkg_error faults, after which the server drops the association
 * too); everything else (bind refused, transport lost or timed out, protocol violated, security
 * refused) closes the connection.
 */
public final class RpcClientConnection implements AutoCloseable {
    /**
     * Bind-time features offered (MS-RPCE 2.2.2.14): security context multiplexing and keep
     * connection on orphan, the set Windows and Samba offer. Only an offer: this client never
     * multiplexes or orphans, so the answer changes nothing.
     */
    static final int BIND_TIME_FEATURES = 0x03;

    private final RpcTransport transport;
    private final RpcClientOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Integer> contexts = new HashSet<>();

    private volatile boolean closed;
    private boolean bound;
    private int nextCallId = 1;
    private int nextContextId;
    private int primaryContext = -1;
    private int maxXmitFrag;
    private int maxRecvFrag;
    private int assocGroupId;
    private PduProtection protection;

    private RpcClientConnection(RpcTransport transport, RpcClientOptions options) {
        this.transport = transport;
        this.options = options;
    }

    /** Opens a TCP connection to {@code host:port} (ncacn_ip_tcp); nothing is sent yet. */
    public static RpcClientConnection connect(String host, int port, RpcClientOptions options)
            throws RpcTransportException {
        return connect(new InetSocketAddress(host, port), options);
    }

    /** Opens a TCP connection to {@code address} (ncacn_ip_tcp); nothing is sent yet. */
    public static RpcClientConnection connect(InetSocketAddress address, RpcClientOptions options)
            throws RpcTransportException {
        return over(TcpTransport.connect(address, options.connectTimeout(), options.readTimeout()), options);
    }

    /** A connection over an open transport (another transport than TCP, or a test double). */
    public static RpcClientConnection over(RpcTransport transport, RpcClientOptions options) {
        return new RpcClientConnection(transport, options);
    }

    // ------------------------------------------------------------------ bind and alter_context

    /**
     * Binds the association to {@code abstractSyntax} with NDR 2.0, authenticated when a security
     * provider is given (its auth level then applies to every later request and response).
     *
     * @return the presentation context id, for {@link #call(int, int, byte[])}
     * @throws RpcBindException     on a bind_nak or a rejected presentation context
     * @throws RpcSecurityException when the provider refuses the server's token
     * @throws IllegalStateException if already bound
     */
    public int bind(SyntaxId abstractSyntax, Optional<ClientSecurity> security) throws RpcException {
        PduProtection p = security.map(PduProtection::new).orElse(null);
        lock.lock();
        try {
            ensureOpen();
            if (bound) {
                throw new IllegalStateException("connection to " + transport.peer() + " is already bound");
            }
            int contextId = nextContextId;
            List<PresentationContext> proposed = List.of(
                    new PresentationContext(contextId, abstractSyntax, List.of(SyntaxId.NDR20)),
                    new PresentationContext(contextId + 1, abstractSyntax,
                            List.of(SyntaxId.bindTimeFeatureNegotiation(BIND_TIME_FEATURES))));
            nextContextId = contextId + 2;
            try {
                negotiate(PduType.BIND, proposed, p);
            } catch (RpcException | RuntimeException e) {
                close(); // no association: nothing on this connection can be used
                throw e;
            }
            bound = true;
            primaryContext = contextId;
            return contextId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a presentation context for {@code abstractSyntax} to the bound association
     * (ALTER_CONTEXT, C706 12.6.4.1). With a security provider, establishes the connection's
     * security context, which must not exist yet.
     *
     * @return the new presentation context id
     * @throws RpcBindException when the context is rejected; the connection stays usable unless a
     *     security provider was given
     */
    public int alterContext(SyntaxId abstractSyntax, Optional<ClientSecurity> security) throws RpcException {
        lock.lock();
        try {
            ensureOpen();
            if (!bound) {
                throw new IllegalStateException("alter_context before bind");
            }
            if (security.isPresent() && protection != null) {
                throw new IllegalStateException("the connection already has a security context");
            }
            PduProtection p = security.map(PduProtection::new).orElse(null);
            int contextId = nextContextId++;
            try {
                negotiate(PduType.ALTER_CONTEXT,
                        List.of(new PresentationContext(contextId, abstractSyntax, List.of(SyntaxId.NDR20))), p);
            } catch (RpcBindException | RpcFaultException e) {
                if (p != null || isFatal(e)) {
                    close();
                }
                throw e;
            } catch (RpcException | RuntimeException e) {
                close();
                throw e;
            }
            return contextId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One BIND or ALTER_CONTEXT exchange (and the AUTH3 after it, if the provider asks): on success
     * the first proposed context is recorded and, with {@code p}, the connection is protected.
     */
    private void negotiate(PduType type, List<PresentationContext> proposed, PduProtection p) throws RpcException {
        boolean offerHeaderSigning = p != null && p.offersHeaderSigning();
        int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | (offerHeaderSigning ? PfcFlags.SUPPORT_HEADER_SIGN : 0);
        int callId = nextCallId++;
        int fragment = options.maxFragment();
        transport.send(new BindPdu(type, flags, callId, fragment, fragment, assocGroupId, proposed,
                p == null ? null : p.bindVerifier()).encode());

        byte[] pdu = transport.receive(bound ? maxRecvFrag : fragment);
        PduHeader h = header(pdu);
        if (h.callId() != callId) {
            throw new RpcProtocolException(h.type() + " for call " + Integer.toUnsignedString(h.callId())
                    + " in answer to " + type + " call " + callId);
        }
        PduType expected = type == PduType.BIND ? PduType.BIND_ACK : PduType.ALTER_CONTEXT_RESP;
        BindAckPdu ack;
        try {
            if (h.type() == PduType.BIND_NAK) {
                throw new RpcBindException(RpcBindException.Rejection.BIND_NAK, BindNakPdu.decode(pdu, h).rejectReason());
            }
            if (h.type() == PduType.FAULT) {
                throw new RpcFaultException(FaultPdu.decode(pdu, h).status(), h.has(PfcFlags.DID_NOT_EXECUTE));
            }
            if (h.type() != expected) {
                throw new RpcProtocolException(h.type() + " in answer to " + type);
            }
            ack = BindAckPdu.decode(pdu, h);
        } catch (PduFormatException e) {
            throw new RpcProtocolException(e.getMessage());
        }
        int required = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;
        if ((h.flags() & required) != required
                || (h.flags() & ~(required | PfcFlags.CONC_MPX | PfcFlags.SUPPORT_HEADER_SIGN)) != 0) {
            throw new RpcProtocolException(String.format("%s flags 0x%02x", h.type(), h.flags()));
        }
        if (ack.results().size() != proposed.size()) {
            throw new RpcProtocolException(h.type() + " answers " + ack.results().size() + " of " + proposed.size()
                    + " presentation contexts");
        }
        ContextResult result = ack.results().get(0);
        switch (result.result()) {
            case ContextResult.ACCEPTANCE -> {
                if (!SyntaxId.NDR20.equals(result.transferSyntax())) {
                    throw new RpcProtocolException("server accepted transfer syntax " + result.transferSyntax()
                            + ", not the NDR 2.0 proposed");
                }
            }
            case ContextResult.USER_REJECTION ->
                    throw new RpcBindException(RpcBindException.Rejection.USER_REJECTION, result.reason());
            case ContextResult.PROVIDER_REJECTION ->
                    throw new RpcBindException(RpcBindException.Rejection.PROVIDER_REJECTION, result.reason());
            default -> throw new RpcProtocolException("presentation context result " + result.result());
        }
        if (type == PduType.BIND) {
            // C706 CONST_MUST_RCV_FRAG_SIZE: a smaller size is not a DCE/RPC server (Samba checks the same).
            if (ack.maxXmitFrag() < RpcClientOptions.MUST_RECV_FRAG_SIZE
                    || ack.maxRecvFrag() < RpcClientOptions.MUST_RECV_FRAG_SIZE) {
                throw new RpcProtocolException("bind_ack fragment sizes " + ack.maxXmitFrag() + "/" + ack.maxRecvFrag()
                        + " below " + RpcClientOptions.MUST_RECV_FRAG_SIZE);
            }
            // The server sends at most its max_xmit_frag and receives at most its max_recv_frag.
            maxXmitFrag = Math.min(fragment, ack.maxRecvFrag());
            maxRecvFrag = Math.min(fragment, ack.maxXmitFrag());
            assocGroupId = ack.assocGroupId();
        }
        if (p != null) {
            Optional<byte[]> auth3 = p.acceptAnswer(pdu, h, offerHeaderSigning);
            if (auth3.isPresent()) {
                transport.send(new Auth3Pdu(nextCallId++, auth3.get()).encode());
            }
            protection = p;
        } else if (h.authLength() != 0 && protection == null) {
            throw new RpcProtocolException(h.type() + " carries an auth verifier on an unauthenticated connection");
        }
        contexts.add(proposed.get(0).contextId());
    }

    // ------------------------------------------------------------------ calls

    /** Calls {@code opnum} on the context {@link #bind} made; see {@link #call(int, int, byte[])}. */
    public byte[] call(int opnum, byte[] stub) throws RpcException {
        return call(primaryContextId(), opnum, stub);
    }

    /**
     * Sends the NDR20 request stub of {@code opnum} on presentation context {@code contextId} and
     * returns the reassembled response stub.
     *
     * @throws RpcFaultException when the server answers with a FAULT (the connection stays usable
     *     unless the fault is nca_s_proto_error or sec_pkg_error)
     * @throws IllegalArgumentException for an opnum outside [0, 65535] or a context not bound
     */
    public byte[] call(int contextId, int opnum, byte[] stub) throws RpcException {
        if (opnum < 0 || opnum > 0xFFFF) {
            throw new IllegalArgumentException("opnum " + opnum);
        }
        lock.lock();
        try {
            ensureOpen();
            if (!contexts.contains(contextId)) {
                throw new IllegalArgumentException("presentation context " + contextId + " is not bound");
            }
            int callId = nextCallId++;
            ResponseAssembler answer = new ResponseAssembler(callId, contextId, options.maxResponseSize(), protection);
            try {
                for (byte[] fragment : RequestFragmenter.fragments(callId, contextId, opnum, stub, maxXmitFrag,
                        protection)) {
                    transport.send(fragment);
                }
                while (!answer.take(transport.receive(maxRecvFrag))) {
                    // more fragments follow
                }
                return answer.stub();
            } catch (RpcFaultException e) {
                if (isFatal(e)) {
                    close();
                }
                throw e;
            } catch (RpcException | RuntimeException e) {
                close();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Faults after which Samba and Windows drop the association (Samba's dcerpc_request_recv_data). */
    private static boolean isFatal(RpcException e) {
        return e instanceof RpcFaultException f
                && (f.status() == FaultStatus.PROTO_ERROR || f.status() == FaultStatus.SEC_PKG_ERROR);
    }

    private PduHeader header(byte[] pdu) throws RpcProtocolException {
        try {
            return PduHeader.decode(pdu, 0, pdu.length);
        } catch (PduFormatException e) {
            throw new RpcProtocolException("from " + transport.peer() + ": " + e.getMessage());
        }
    }

    private void ensureOpen() throws RpcTransportException {
        if (closed) {
            throw new RpcTransportException(RpcTransportException.Kind.CLOSED,
                    "connection to " + transport.peer() + " is closed");
        }
    }

    // ------------------------------------------------------------------ state

    /** The context id {@link #bind} returned. */
    public int primaryContextId() {
        if (primaryContext < 0) {
            throw new IllegalStateException("not bound");
        }
        return primaryContext;
    }

    /** Largest fragment this client sends, as the bind negotiated (0 before the bind). */
    public int maxXmitFrag() {
        return maxXmitFrag;
    }

    /** Largest fragment this client accepts, as the bind negotiated (0 before the bind). */
    public int maxRecvFrag() {
        return maxRecvFrag;
    }

    /** The association group the server put this association in. */
    public int assocGroupId() {
        return assocGroupId;
    }

    /** The auth level requests are protected at, or 0 when the connection is not authenticated. */
    public int authLevel() {
        return protection == null ? 0 : protection.authLevel();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** The server, for messages ("127.0.0.12:49152"). */
    public String peer() {
        return transport.peer();
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }
}
