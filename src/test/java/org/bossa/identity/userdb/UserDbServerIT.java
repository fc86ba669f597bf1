package org.bossa.identity.userdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real Unix socket, driven by a raw varlink client (bytes in, NUL-framed JSON out). */
class UserDbServerIT {
    @TempDir
    Path dir;
    Path socket;
    UserDbServer server;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("userdb").resolve("org.bossa.identity");
        server = new UserDbServer(new UserDbConfig(socket, 2, 1024, Duration.ofSeconds(30), 100),
                new FakeIdentityService('+'));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** A minimal varlink client: sends bytes, reads NUL-terminated replies. */
    static final class Client implements AutoCloseable {
        final SocketChannel ch;

        Client(Path socket) throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
        }

        void send(String raw) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        void call(String json) throws IOException {
            send(json + "\0");
        }

        /** The next reply, or null if the server closed the connection. */
        @SuppressWarnings("unchecked")
        Map<String, Object> reply() throws IOException, JsonException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (true) {
                one.clear();
                try {
                    if (ch.read(one) < 0) {
                        return null;
                    }
                } catch (SocketException reset) {
                    return null; // closed with our unread bytes pending: the kernel answers with a reset
                }
                byte b = one.get(0);
                if (b == 0) {
                    return (Map<String, Object>) JsonReader.parse(out.toString(StandardCharsets.UTF_8));
                }
                out.write(b);
            }
        }

        /** Replies up to and including the first without continues. */
        List<Map<String, Object>> replies() throws IOException, JsonException {
            List<Map<String, Object>> all = new ArrayList<>();
            Map<String, Object> r;
            do {
                r = reply();
                assertThat(r).isNotNull();
                all.add(r);
            } while (Boolean.TRUE.equals(r.get("continues")));
            return all;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersLookupsAndStreamsEnumerationOverTheSocket() throws Exception {
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw-rw-"));
        try (Client c = new Client(socket)) {
            c.call("{\"method\":\"io.systemd.UserDatabase.GetUserRecord\","
                    + "\"parameters\":{\"uid\":10001,\"service\":\"org.bossa.identity\"}}");
            Map<String, Object> r = c.reply();
            assertThat(r).doesNotContainKeys("error", "continues");
            Map<String, Object> rec = (Map<String, Object>) ((Map<String, Object>) r.get("parameters")).get("record");
            assertThat(rec).containsEntry("userName", "EXAMPLE+alice").containsEntry("uid", 10001L);

            // pipelined: two calls written at once are answered in order
            c.call("{\"method\":\"io.systemd.UserDatabase.GetGroupRecord\",\"parameters\":{\"service\":"
                    + "\"org.bossa.identity\"},\"more\":true}\0{\"method\":\"io.systemd.UserDatabase.GetUserRecord\","
                    + "\"parameters\":{\"userName\":\"zed\",\"service\":\"org.bossa.identity\"}}");
            List<Map<String, Object>> groups = c.replies();
            assertThat(groups).hasSize(2);
            assertThat(groups.get(0)).containsEntry("continues", true);
            assertThat(c.reply()).containsEntry("error", UserDbErrors.NO_RECORD_FOUND);

            c.call("{\"method\":\"io.systemd.UserDatabase.GetMemberships\","
                    + "\"parameters\":{\"service\":\"org.samba.winbind\"},\"more\":true}");
            assertThat(c.reply()).containsEntry("error", UserDbErrors.BAD_SERVICE);

            // oneway: no reply, and the next call is still answered
            c.call("{\"method\":\"org.varlink.service.GetInfo\",\"oneway\":true}");
            c.call("{\"method\":\"org.varlink.service.GetInfo\"}");
            assertThat((Map<String, Object>) c.reply().get("parameters")).containsEntry("vendor", "Bossa");
        }
    }

    @Test
    void malformedInputClosesThatConnectionOnlyAndTheServerGoesOn() throws Exception {
        for (String bad : new String[] {"{not json}\0", "[1,2]\0", "{\"method\":5}\0", "x".repeat(5000)}) {
            try (Client c = new Client(socket)) {
                c.send(bad);
                assertThat(c.reply()).as(bad).isNull();
            }
        }
        try (Client c = new Client(socket)) {
            c.call("{\"method\":\"io.systemd.UserDatabase.GetUserRecord\","
                    + "\"parameters\":{\"userName\":\"bob\",\"service\":\"org.bossa.identity\"}}");
            assertThat(c.reply()).containsKey("parameters");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndSlotsComeBack() throws Exception {
        try (Client a = new Client(socket); Client b = new Client(socket)) {
            // both served (a reply proves each has its slot)
            a.call("{\"method\":\"org.varlink.service.GetInfo\"}");
            b.call("{\"method\":\"org.varlink.service.GetInfo\"}");
            assertThat(a.reply()).isNotNull();
            assertThat(b.reply()).isNotNull();
            try (Client third = new Client(socket)) {
                assertThat(third.reply()).isNull();
            }
        }
        // once both are gone a new client is served again
        Map<String, Object> r = null;
        for (int i = 0; i < 100 && r == null; i++) {
            try (Client c = new Client(socket)) {
                c.call("{\"method\":\"org.varlink.service.GetInfo\"}");
                r = c.reply();
            }
            if (r == null) {
                Thread.sleep(20); // the closed connections' threads are still leaving
            }
        }
        assertThat(r).isNotNull();
    }

    @Test
    void stopRemovesTheSocketAndAStaleSocketIsReplacedButAFileIsNot() throws Exception {
        server.stop();
        assertThat(socket).doesNotExist();
        assertThat(server.state()).isEqualTo(UserDbServer.State.STOPPED);

        // a socket left by a crashed run is replaced
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        server = new UserDbServer(UserDbConfig.defaults(socket), new FakeIdentityService('+'));
        server.start();
        try (Client c = new Client(socket)) {
            c.call("{\"method\":\"org.varlink.service.GetInfo\"}");
            assertThat(c.reply()).isNotNull();
        }
        server.stop();

        Files.writeString(socket, "precious");
        UserDbServer other = new UserDbServer(UserDbConfig.defaults(socket), new FakeIdentityService('+'));
        assertThatThrownBy(other::start).isInstanceOf(IOException.class);
        assertThat(Files.readString(socket)).isEqualTo("precious");
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        server.stop();
        server = new UserDbServer(new UserDbConfig(socket, 2, 1024, Duration.ofMillis(200), 100),
                new FakeIdentityService('+'));
        server.start();
        try (Client c = new Client(socket)) {
            assertThat(c.reply()).isNull(); // blocks until the sweep closes it
        }
    }
}
