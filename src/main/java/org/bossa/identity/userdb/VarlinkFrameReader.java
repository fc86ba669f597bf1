package org.bossa.identity.userdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a varlink byte stream into messages: each is UTF-8 JSON ended by one NUL byte. A message
 * longer than the cap is refused before it is buffered whole, so a client cannot make the server
 * hold more than {@code maxMessageBytes} for it.
 */
public final class VarlinkFrameReader {
    private final ReadableByteChannel in;
    private final int maxMessageBytes;
    private final ByteBuffer buf;

    /** @param maxMessageBytes the longest message accepted, NUL excluded */
    public VarlinkFrameReader(ReadableByteChannel in, int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
        // one more byte than a message so the terminating NUL of a maximal message fits
        this.buf = ByteBuffer.allocate(maxMessageBytes + 1);
        buf.flip(); // empty, in read mode
    }

    /**
     * The next message's text, or null when the peer closed the stream between messages.
     *
     * @throws VarlinkProtocolException the message is too long, not UTF-8, or the stream ended inside it
     * @throws IOException reading failed
     */
    public String next() throws IOException, VarlinkProtocolException {
        int scanned = 0;
        while (true) {
            for (int i = buf.position() + scanned; i < buf.limit(); i++) {
                if (buf.get(i) == 0) {
                    return take(i);
                }
            }
            scanned = buf.remaining();
            if (scanned > maxMessageBytes) {
                throw new VarlinkProtocolException("message longer than " + maxMessageBytes + " bytes");
            }
            buf.compact();
            int n = in.read(buf);
            buf.flip();
            if (n < 0) {
                if (buf.hasRemaining()) {
                    throw new VarlinkProtocolException("stream ended inside a message");
                }
                return null;
            }
        }
    }

    private String take(int nulIndex) throws VarlinkProtocolException {
        ByteBuffer msg = buf.duplicate();
        msg.limit(nulIndex);
        buf.position(nulIndex + 1);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = d.decode(msg);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new VarlinkProtocolException("message is not UTF-8");
        }
    }
}
