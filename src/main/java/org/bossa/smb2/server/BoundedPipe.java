package org.bossa.smb2.server;

import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.PipeRead;
import org.bossa.smb2.wire.NtStatus;

/**
 * A named-pipe open that holds at most {@code maxBytes} unread: a client that writes requests and
 * never reads the answers gets STATUS_INSUFFICIENT_RESOURCES for the write that would exceed it,
 * instead of making the server queue answers without end.
 */
final class BoundedPipe implements NamedPipe {
    private static final LimitLog LOG = new LimitLog("bossa.limits.max-pipe-buffer");

    private final NamedPipe pipe;
    private final int maxBytes;
    private final String client;

    BoundedPipe(NamedPipe pipe, int maxBytes, String client) {
        this.pipe = pipe;
        this.maxBytes = maxBytes;
        this.client = client;
    }

    /** {@code pipe} bounded by the server's bossa.limits.max-pipe-buffer. */
    static NamedPipe of(RequestContext ctx, NamedPipe pipe) {
        return new BoundedPipe(pipe, ctx.server().config().limits().maxPipeBufferBytes(),
                ctx.connection().clientAddress());
    }

    private void admit(int len) {
        if ((long) pipe.available() + len > maxBytes) {
            LOG.refused(client, maxBytes + " bytes unread on a named pipe");
            throw new SmbStatusException(NtStatus.INSUFFICIENT_RESOURCES);
        }
    }

    @Override
    public void write(byte[] data, int off, int len) {
        admit(len);
        pipe.write(data, off, len);
    }

    @Override
    public PipeRead read(int maxLength) {
        return pipe.read(maxLength);
    }

    @Override
    public PipeRead transceive(byte[] in, int maxOut) {
        admit(in.length);
        return pipe.transceive(in, maxOut);
    }

    @Override
    public int available() {
        return pipe.available();
    }

    @Override
    public int nextMessageLength() {
        return pipe.nextMessageLength();
    }

    @Override
    public void close() {
        pipe.close();
    }
}
