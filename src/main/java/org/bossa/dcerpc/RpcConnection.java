package org.bossa.dcerpc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection-oriented protocol state of one pipe open (C706 chapter 12, MS-RPCE 3.3.3): the
 * presentation contexts bound so far, the negotiated fragment sizes and the request being
 * reassembled. {@link #process(byte[])} takes one whole fragment and returns the PDUs to send;
 * it never throws: bad input yields a bind_nak or a fault.
 */
final class RpcConnection {
    /** MUST_RECV_FRAG_SIZE (C706 12.6.3.1): every peer must accept fragments this large. */
    static final int MIN_FRAGMENT = 1432;
    private static final System.Logger LOG = System.getLogger(RpcConnection.class.getName());

    private final String secondaryAddress;
    private final List<RpcInterface> interfaces;
    private final RpcCallContext ctx;
    private final int maxFragment;
    private final int maxRequest;
    private final int assocGroupId;
    private final Map<Integer, RpcInterface> contexts = new HashMap<>();

    private boolean bound;
    private int maxXmitFrag;
    private int maxRecvFrag;
    private PendingCall pending;
    /** call_id whose remaining fragments are dropped after the call already failed. */
    private Integer discarding;

    private static final class PendingCall {
        final int callId;
        final int contextId;
        final int opnum;
        final ByteArrayOutputStream stub = new ByteArrayOutputStream();

        PendingCall(int callId, int contextId, int opnum) {
            this.callId = callId;
            this.contextId = contextId;
            this.opnum = opnum;
        }
    }

    RpcConnection(String secondaryAddress, List<RpcInterface> interfaces, RpcCallContext ctx, int maxFragment,
                  int maxRequest, int assocGroupId) {
        this.secondaryAddress = secondaryAddress;
        this.interfaces = interfaces;
        this.ctx = ctx;
        this.maxFragment = maxFragment;
        this.maxRequest = maxRequest;
        this.assocGroupId = assocGroupId;
    }

    /** The fragment size the server sends with, once bound. */
    int maxXmitFrag() {
        return maxXmitFrag;
    }

    int maxRecvFrag() {
        return maxRecvFrag;
    }

    /** Handles one fragment ({@code pdu.length} should equal its frag_length). */
    List<byte[]> process(byte[] pdu) {
        PduHeader h;
        try {
            h = PduHeader.decode(pdu, 0, pdu.length);
        } catch (PduFormatException e) {
            return List.of(protocolError(pdu, pdu.length, e.getMessage()));
        }
        try {
            return switch (h.type()) {
                case BIND -> List.of(bind(BindPdu.decode(pdu, h)));
                case ALTER_CONTEXT -> List.of(alterContext(BindPdu.decode(pdu, h)));
                case REQUEST -> request(h, RequestPdu.decode(pdu, h));
                case AUTH3, CO_CANCEL -> List.of();
                case ORPHANED -> {
                    if (pending != null && pending.callId == h.callId()) {
                        pending = null;
                    }
                    yield List.of();
                }
                default -> List.of(fault(h.callId(), 0, FaultStatus.PROTO_ERROR, true));
            };
        } catch (PduFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "malformed {0} PDU: {1}", h.type(), e.getMessage());
            return List.of(h.type() == PduType.BIND
                    ? new BindNakPdu(h.callId(), BindNakPdu.REASON_NOT_SPECIFIED).encode()
                    : fault(h.callId(), 0, FaultStatus.PROTO_ERROR, true));
        }
    }

    /** The answer to bytes that do not even form a valid header: a bind_nak for a BIND, else a fault. */
    byte[] protocolError(byte[] buf, int available, String why) {
        LOG.log(System.Logger.Level.DEBUG, "protocol error on {0}: {1}", secondaryAddress, why);
        int callId = PduHeader.peekCallId(buf, 0, available);
        boolean isBind = available > 2 && (buf[2] & 0xFF) == PduType.BIND.code();
        if (isBind) {
            boolean version = available > 1 && ((buf[0] & 0xFF) != 5 || (buf[1] & 0xFF) > 1);
            return new BindNakPdu(callId, version ? BindNakPdu.PROTOCOL_VERSION_NOT_SUPPORTED
                    : BindNakPdu.REASON_NOT_SPECIFIED).encode();
        }
        return fault(callId, 0, FaultStatus.PROTO_ERROR, true);
    }

    // ------------------------------------------------------------------ bind and alter_context

    private byte[] bind(BindPdu b) {
        if (bound) {
            return new BindNakPdu(b.callId(), BindNakPdu.REASON_NOT_SPECIFIED).encode();
        }
        if (b.authVerifier().length > 0) {
            // Pipes ride on the SMB session's authentication; no RPC-level security provider here.
            return new BindNakPdu(b.callId(), BindNakPdu.AUTHENTICATION_TYPE_NOT_RECOGNIZED).encode();
        }
        if (b.maxXmitFrag() < MIN_FRAGMENT || b.maxRecvFrag() < MIN_FRAGMENT) {
            return new BindNakPdu(b.callId(), BindNakPdu.LOCAL_LIMIT_EXCEEDED).encode();
        }
        maxXmitFrag = Math.min(b.maxRecvFrag(), maxFragment);
        maxRecvFrag = Math.min(b.maxXmitFrag(), maxFragment);
        bound = true;
        int assoc = b.assocGroupId() != 0 ? b.assocGroupId() : assocGroupId;
        return new BindAckPdu(PduType.BIND_ACK, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, b.callId(), maxXmitFrag,
                maxRecvFrag, assoc, secondaryAddress, negotiate(b.contexts())).encode();
    }

    private byte[] alterContext(BindPdu b) {
        if (!bound) {
            return fault(b.callId(), 0, FaultStatus.PROTO_ERROR, true);
        }
        if (b.authVerifier().length > 0) {
            return fault(b.callId(), 0, FaultStatus.ACCESS_DENIED, true);
        }
        return new BindAckPdu(PduType.ALTER_CONTEXT_RESP, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, b.callId(),
                maxXmitFrag, maxRecvFrag, b.assocGroupId() != 0 ? b.assocGroupId() : assocGroupId, "",
                negotiate(b.contexts())).encode();
    }

    private List<ContextResult> negotiate(List<PresentationContext> proposed) {
        List<ContextResult> results = new ArrayList<>(proposed.size());
        for (PresentationContext pc : proposed) {
            ContextResult r = PresentationNegotiation.negotiate(pc, interfaces);
            if (r.result() == ContextResult.ACCEPTANCE) {
                RpcInterface iface = PresentationNegotiation.find(pc.abstractSyntax(), interfaces);
                RpcInterface existing = contexts.get(pc.contextId());
                if (existing != null && existing != iface) {
                    r = ContextResult.reject(ContextResult.REASON_NOT_SPECIFIED);
                } else {
                    contexts.put(pc.contextId(), iface);
                }
            }
            results.add(r);
        }
        return results;
    }

    // ------------------------------------------------------------------ requests

    private List<byte[]> request(PduHeader h, RequestPdu req) {
        if (!bound) {
            return List.of(fault(req.callId(), req.contextId(), FaultStatus.PROTO_ERROR, true));
        }
        if (discarding != null && discarding == req.callId() && !req.first()) {
            if (req.last()) {
                discarding = null;
            }
            return List.of();
        }
        discarding = null;
        if (h.authLength() > 0) {
            return failCall(req, FaultStatus.ACCESS_DENIED);
        }
        if (req.first()) {
            if (pending != null) {
                LOG.log(System.Logger.Level.DEBUG, "call {0} abandoned by a new call", pending.callId);
            }
            pending = new PendingCall(req.callId(), req.contextId(), req.opnum());
        } else if (pending == null || pending.callId != req.callId()) {
            pending = null;
            return failCall(req, FaultStatus.PROTO_ERROR);
        }
        if (pending.stub.size() + (long) req.stub().length > maxRequest) {
            pending = null;
            return failCall(req, FaultStatus.REMOTE_NO_MEMORY);
        }
        pending.stub.writeBytes(req.stub());
        if (!req.last()) {
            return List.of();
        }
        PendingCall call = pending;
        pending = null;
        return dispatch(call);
    }

    /** Faults the call and drops its remaining fragments. */
    private List<byte[]> failCall(RequestPdu req, int status) {
        if (!req.last()) {
            discarding = req.callId();
        }
        return List.of(fault(req.callId(), req.contextId(), status, true));
    }

    private List<byte[]> dispatch(PendingCall call) {
        RpcInterface iface = contexts.get(call.contextId);
        if (iface == null) {
            return List.of(fault(call.callId, call.contextId, FaultStatus.UNKNOWN_IF, true));
        }
        byte[] out;
        try {
            out = iface.invoke(call.opnum, call.stub.toByteArray(), ctx);
        } catch (RpcFault f) {
            boolean notExecuted = f.status() == FaultStatus.OP_RNG_ERROR || f.status() == FaultStatus.UNKNOWN_IF;
            return List.of(fault(call.callId, call.contextId, f.status(), notExecuted));
        } catch (NdrException e) {
            LOG.log(System.Logger.Level.DEBUG, "bad stub for opnum {0}: {1}", call.opnum, e.getMessage());
            return List.of(fault(call.callId, call.contextId, FaultStatus.BAD_STUB_DATA, false));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "opnum " + call.opnum + " on " + secondaryAddress + " failed", e);
            return List.of(fault(call.callId, call.contextId, FaultStatus.OTHER, false));
        }
        return Fragmenter.responses(call.callId, call.contextId, out, maxXmitFrag);
    }

    static byte[] fault(int callId, int contextId, int status, boolean didNotExecute) {
        int flags = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | (didNotExecute ? PfcFlags.DID_NOT_EXECUTE : 0);
        return new FaultPdu(flags, callId, contextId, status).encode();
    }
}
