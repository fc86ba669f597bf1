package org.bossa.dcerpc.client;

import java.time.Duration;

/**
 * Limits of a client connection.
 *
 * @param connectTimeout  how long the TCP connect may take
 * @param readTimeout     how long to wait for each PDU of an answer
 * @param maxFragment     max_xmit_frag and max_recv_frag offered in the bind, at least 1432
 *                        (C706 MUST_RECV_FRAG_SIZE) and at most 65535; the server may lower both
 * @param maxResponseSize largest reassembled response stub accepted; a longer answer closes the
 *                        connection
 */
public record RpcClientOptions(Duration connectTimeout, Duration readTimeout, int maxFragment, int maxResponseSize) {
    /** C706 12.6.3.1: every implementation must accept fragments this large. */
    public static final int MUST_RECV_FRAG_SIZE = 1432;
    /** What Windows and Samba offer on ncacn_ip_tcp. */
    public static final int DEFAULT_MAX_FRAGMENT = 5840;
    /** Far above any Netlogon, LSA or SAMR answer Bossa asks for, far below what could exhaust the heap. */
    public static final int DEFAULT_MAX_RESPONSE = 16 * 1024 * 1024;

    public RpcClientOptions {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout " + connectTimeout);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout " + readTimeout);
        }
        if (maxFragment < MUST_RECV_FRAG_SIZE || maxFragment > 0xFFFF) {
            throw new IllegalArgumentException("maxFragment " + maxFragment);
        }
        if (maxResponseSize < 1) {
            throw new IllegalArgumentException("maxResponseSize " + maxResponseSize);
        }
    }

    /** 5 s to connect, 30 s per answer, 5840-byte fragments, 16 MiB responses. */
    public static RpcClientOptions defaults() {
        return new RpcClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), DEFAULT_MAX_FRAGMENT,
                DEFAULT_MAX_RESPONSE);
    }

    public RpcClientOptions withTimeouts(Duration connect, Duration read) {
        return new RpcClientOptions(connect, read, maxFragment, maxResponseSize);
    }

    public RpcClientOptions withMaxFragment(int fragment) {
        return new RpcClientOptions(connectTimeout, readTimeout, fragment, maxResponseSize);
    }

    public RpcClientOptions withMaxResponseSize(int size) {
        return new RpcClientOptions(connectTimeout, readTimeout, maxFragment, size);
    }
}
