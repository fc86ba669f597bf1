package org.bossa.dcerpc;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link NamedPipe} over an {@link RpcConnection}: frames the written byte stream into PDUs by
 * frag_length, and queues each PDU the connection produces as one message to read.
 */
final class RpcPipe implements NamedPipe {
    private final RpcConnection conn;
    private byte[] in = new byte[0];
    private int inLen;
    private final ArrayDeque<byte[]> out = new ArrayDeque<>();
    private int headOffset;
    private int pendingBytes;
    private boolean closed;

    RpcPipe(RpcConnection conn) {
        this.conn = conn;
    }

    @Override
    public synchronized void write(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (closed || len == 0) {
            return;
        }
        if (in.length < inLen + len) {
            in = Arrays.copyOf(in, Math.max(inLen + len, Math.min(2 * in.length, 0x10000)));
        }
        System.arraycopy(data, off, in, inLen, len);
        inLen += len;
        drain();
    }

    /** Consumes every complete PDU in the input buffer. */
    private void drain() {
        int pos = 0;
        while (inLen - pos >= PduHeader.SIZE) {
            int fragLength = PduHeader.peekFragLength(in, pos);
            boolean badHeader = (in[pos] & 0xFF) != 5 || fragLength < PduHeader.SIZE;
            if (badHeader) {
                // Framing is lost: answer once and discard everything buffered.
                byte[] rest = Arrays.copyOfRange(in, pos, inLen);
                enqueue(conn.protocolError(rest, rest.length, "bad header"));
                pos = inLen;
                break;
            }
            if (inLen - pos < fragLength) {
                break;
            }
            byte[] pdu = Arrays.copyOfRange(in, pos, pos + fragLength);
            pos += fragLength;
            for (byte[] reply : conn.process(pdu)) {
                enqueue(reply);
            }
        }
        if (pos > 0) {
            System.arraycopy(in, pos, in, 0, inLen - pos);
            inLen -= pos;
        }
        if (in.length > 0x10000 && inLen < 0x10000) {
            in = Arrays.copyOf(in, 0x10000);
        }
    }

    private void enqueue(byte[] msg) {
        out.add(msg);
        pendingBytes += msg.length;
    }

    @Override
    public synchronized PipeRead read(int maxLength) {
        byte[] head = out.peek();
        if (head == null) {
            return PipeRead.EMPTY;
        }
        int left = head.length - headOffset;
        int n = Math.max(0, Math.min(left, maxLength));
        byte[] data = Arrays.copyOfRange(head, headOffset, headOffset + n);
        pendingBytes -= n;
        if (n < left) {
            headOffset += n;
            return new PipeRead(data, true);
        }
        out.poll();
        headOffset = 0;
        return new PipeRead(data, false);
    }

    @Override
    public synchronized PipeRead transceive(byte[] input, int maxOut) {
        write(input, 0, input.length);
        return read(maxOut);
    }

    @Override
    public synchronized int available() {
        return pendingBytes;
    }

    @Override
    public synchronized int nextMessageLength() {
        byte[] head = out.peek();
        return head == null ? 0 : head.length - headOffset;
    }

    @Override
    public synchronized void close() {
        closed = true;
        out.clear();
        pendingBytes = 0;
        in = new byte[0];
        inLen = 0;
    }
}
