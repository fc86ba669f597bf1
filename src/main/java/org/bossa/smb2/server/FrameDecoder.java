package org.bossa.smb2.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Direct TCP transport framing (MS-SMB2 2.1): a zero byte, a 3-byte big-endian length, then the
 * message. The length is checked against the connection's current limit before a single byte of
 * the frame is buffered or allocated; a frame over the limit, or a non-zero first byte, closes the
 * connection (there is no way to resynchronise a byte stream).
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final IntSupplier maxFrame;

    FrameDecoder(IntSupplier maxFrame) {
        this.maxFrame = maxFrame;
        // Large WRITE frames arrive in many TCP reads: keep the pieces instead of re-copying a
        // growing buffer; the frame is copied out once, below.
        setCumulator(COMPOSITE_CUMULATOR);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int start = in.readerIndex();
            int head = in.getInt(start);
            if ((head >>> 24) != 0) {
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            int len = head & 0xFFFFFF;
            if (len < 4 || len > maxFrame.getAsInt()) {
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (in.readableBytes() < 4 + len) {
                return;
            }
            byte[] frame = new byte[len];
            in.getBytes(start + 4, frame);
            in.skipBytes(4 + len);
            out.add(frame);
        }
    }
}
