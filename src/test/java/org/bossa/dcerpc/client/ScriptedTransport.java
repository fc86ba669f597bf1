package org.bossa.dcerpc.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A transport whose server is a script: PDUs queued with {@link #answer} are received in order, or
 * a responder computes the answers to each PDU sent. Records every PDU sent. Receiving with
 * nothing queued behaves as a connection the server closed.
 */
public final class ScriptedTransport implements RpcTransport {
    public final List<byte[]> sent = new ArrayList<>();
    private final Deque<byte[]> incoming = new ArrayDeque<>();
    private Function<byte[], List<byte[]>> responder = pdu -> List.of();
    public boolean closed;

    public ScriptedTransport answer(byte[]... pdus) {
        for (byte[] p : pdus) {
            incoming.add(p.clone());
        }
        return this;
    }

    public ScriptedTransport respondWith(Function<byte[], List<byte[]>> r) {
        this.responder = r;
        return this;
    }

    @Override
    public void send(byte[] pdu) throws RpcTransportException {
        if (closed) {
            throw new RpcTransportException(RpcTransportException.Kind.CLOSED, "closed");
        }
        sent.add(pdu.clone());
        incoming.addAll(responder.apply(pdu.clone()));
    }

    @Override
    public byte[] receive(int maxFragLength) throws RpcTransportException, RpcProtocolException {
        if (closed) {
            throw new RpcTransportException(RpcTransportException.Kind.CLOSED, "closed");
        }
        byte[] next = incoming.poll();
        if (next == null) {
            throw new RpcTransportException(RpcTransportException.Kind.CLOSED, "script ended");
        }
        if (next.length > maxFragLength) {
            throw new RpcProtocolException("fragment of " + next.length + " bytes above " + maxFragLength);
        }
        return next;
    }

    @Override
    public String peer() {
        return "script";
    }

    @Override
    public void close() {
        closed = true;
    }
}
