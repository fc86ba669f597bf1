package org.bossa.identity.userdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: reads calls one after another and answers each before reading the next
 * (varlink replies come in call order, so pipelined calls need nothing more). A broken message
 * closes the connection; a failing call costs only that call.
 */
final class VarlinkConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(VarlinkConnection.class);

    private final SocketChannel channel;
    private final UserDbMethods methods;
    private final int maxMessageBytes;
    /** Nanotime of the last complete call or reply: the idle sweep reads it from another thread. */
    private volatile long lastActivity = System.nanoTime();

    VarlinkConnection(SocketChannel channel, UserDbMethods methods, int maxMessageBytes) {
        this.channel = channel;
        this.methods = methods;
        this.maxMessageBytes = maxMessageBytes;
    }

    long lastActivity() {
        return lastActivity;
    }

    @Override
    public void run() {
        VarlinkFrameReader frames = new VarlinkFrameReader(channel, maxMessageBytes);
        try (channel) {
            String message;
            while ((message = frames.next()) != null) {
                lastActivity = System.nanoTime();
                VarlinkCall call = VarlinkCall.parse(message);
                methods.handle(call, call.oneway() ? DISCARD : new ChannelSink());
            }
        } catch (VarlinkProtocolException e) {
            log.debug("userdb connection closed: {}", e.getMessage());
        } catch (IOException e) {
            // the peer went away or the server is stopping; nothing to answer
            log.trace("userdb connection ended: {}", e.toString());
        }
    }

    /** Closes the connection from outside (idle sweep, server stop); the reader then ends. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.trace("closing a userdb connection: {}", e.toString());
        }
    }

    private void send(Map<String, Object> message) throws IOException {
        byte[] json = JsonWriter.write(message).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(json.length + 1).put(json).put((byte) 0).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        lastActivity = System.nanoTime();
    }

    private final class ChannelSink implements ReplySink {
        @Override
        public void reply(Map<String, Object> parameters, boolean continues) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("parameters", parameters);
            if (continues) {
                m.put("continues", true);
            }
            send(m);
        }

        @Override
        public void error(String error, Map<String, Object> parameters) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", error);
            m.put("parameters", parameters);
            send(m);
        }
    }

    private static final ReplySink DISCARD = new ReplySink() {
        @Override
        public void reply(Map<String, Object> parameters, boolean continues) {
        }

        @Override
        public void error(String error, Map<String, Object> parameters) {
        }
    };
}
