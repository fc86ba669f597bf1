package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PipeRead;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.RpcFault;
import org.bossa.dcerpc.RpcInterface;
import org.bossa.dcerpc.SyntaxId;
import org.junit.jupiter.api.Test;

/**
 * The client against Bossa's own server-side pipe framework, fragment sizes at the C706 minimum
 * of 1432 bytes: requests fragmented by the client and reassembled by the server, responses
 * fragmented by the server and reassembled by the client, faults, and calls from many threads.
 */
class ServerPipeRoundTripTest {
    private static final UUID ECHO_UUID = UUID.fromString("6bffd098-a112-3610-9833-46c3f87e345a");
    private static final SyntaxId ECHO = new SyntaxId(ECHO_UUID, 1, 0);

    /** Opnum 0 answers the stub reversed and repeated {@code stub[0]} times; others are out of range. */
    private static final RpcInterface ECHO_SERVER = new RpcInterface() {
        @Override
        public UUID uuid() {
            return ECHO_UUID;
        }

        @Override
        public int versionMajor() {
            return 1;
        }

        @Override
        public int versionMinor() {
            return 0;
        }

        @Override
        public byte[] invoke(int opnum, byte[] stub, RpcCallContext ctx) throws RpcFault {
            if (opnum != 0) {
                throw new RpcFault(FaultStatus.OP_RNG_ERROR);
            }
            return expected(stub);
        }
    };

    static byte[] expected(byte[] stub) {
        int times = stub.length == 0 ? 1 : stub[0] & 0x7;
        byte[] out = new byte[stub.length * Math.max(1, times)];
        for (int i = 0; i < out.length; i++) {
            out[i] = stub[stub.length - 1 - i % stub.length];
        }
        return out;
    }

    /** ncacn_np in miniature: each PDU written to the pipe, each message read back whole. */
    private static final class PipeTransport implements RpcTransport {
        private final NamedPipe pipe;
        final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
        final List<byte[]> received = Collections.synchronizedList(new ArrayList<>());

        PipeTransport(NamedPipe pipe) {
            this.pipe = pipe;
        }

        @Override
        public void send(byte[] pdu) {
            sent.add(pdu);
            pipe.write(pdu);
        }

        @Override
        public byte[] receive(int maxFragLength) throws RpcTransportException, RpcProtocolException {
            PipeRead r = pipe.read(0x10000);
            if (r.isEmpty()) {
                throw new RpcTransportException(RpcTransportException.Kind.CLOSED, "nothing to read");
            }
            if (r.data().length > maxFragLength || r.more()) {
                throw new RpcProtocolException("message of " + r.data().length + " bytes");
            }
            received.add(r.data());
            return r.data();
        }

        @Override
        public String peer() {
            return "pipe";
        }

        @Override
        public void close() {
            pipe.close();
        }
    }

    private static PipeTransport pipe() {
        PipeRegistry registry = new PipeRegistry(Map.of("echo", List.of(ECHO_SERVER)), 1432, 1 << 20);
        return new PipeTransport(registry.open("echo", new RpcCallContext("u", "D", "::1")).orElseThrow());
    }

    @Test
    void fragmentsBothWaysAtTheMinimumSize() throws Exception {
        PipeTransport t = pipe();
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(ECHO, Optional.empty());
        assertThat(c.maxXmitFrag()).isEqualTo(1432);
        assertThat(c.maxRecvFrag()).isEqualTo(1432);
        byte[] stub = new byte[10_000];
        new Random(7).nextBytes(stub);
        stub[0] = 3; // a 30 000-byte answer

        assertThat(c.call(0, stub)).isEqualTo(expected(stub));
        assertThat(t.sent).hasSize(1 + 8); // bind, then 10 000 / 1408 rounded up
        assertThat(t.received.size()).isEqualTo(1 + 22); // bind_ack, then 30 000 / 1408 rounded up
        for (byte[] pdu : t.sent) {
            assertThat(pdu.length).isLessThanOrEqualTo(1432);
        }
        for (byte[] pdu : t.received) {
            assertThat(PduHeader.decode(pdu, 0, pdu.length).fragLength()).isLessThanOrEqualTo(1432);
        }
    }

    @Test
    void serverFaultsReachTheCaller() throws Exception {
        RpcClientConnection c = RpcClientConnection.over(pipe(), RpcClientOptions.defaults());
        c.bind(ECHO, Optional.empty());
        assertThatThrownBy(() -> c.call(9, new byte[3])).isInstanceOfSatisfying(RpcFaultException.class, f -> {
            assertThat(f.status()).isEqualTo(FaultStatus.OP_RNG_ERROR);
            assertThat(f.didNotExecute()).isTrue();
        });
        byte[] stub = {1, 2, 3};
        assertThat(c.call(0, stub)).isEqualTo(expected(stub));
    }

    @Test
    void bindingAnInterfaceThePipeDoesNotServeIsRejected() {
        RpcClientConnection c = RpcClientConnection.over(pipe(), RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(new SyntaxId(UUID.randomUUID(), 1, 0), Optional.empty()))
                .isInstanceOfSatisfying(RpcBindException.class,
                        e -> assertThat(e.rejection()).isEqualTo(RpcBindException.Rejection.PROVIDER_REJECTION));
    }

    @Test
    void callsFromManyThreadsAreSerialisedWithIncreasingCallIds() throws Exception {
        PipeTransport t = pipe();
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(ECHO, Optional.empty());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int th = 0; th < 8; th++) {
                int seed = th;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 20; i++) {
                        byte[] stub = new byte[1 + r.nextInt(3000)];
                        r.nextBytes(stub);
                        assertThat(c.call(0, stub)).isEqualTo(expected(stub));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        int last = 1;
        for (byte[] pdu : t.sent.subList(1, t.sent.size())) {
            int callId = PduHeader.decode(pdu, 0, pdu.length).callId();
            assertThat(callId).isBetween(last, last + 1);
            last = callId;
        }
        assertThat(last).isEqualTo(161);
    }
}
