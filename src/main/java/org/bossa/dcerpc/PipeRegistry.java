package org.bossa.dcerpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named pipes served on IPC$: pipe name (compared case-insensitively, with or without a leading
 * {@code \PIPE\}) to the interfaces that may be bound on it. The SMB layer calls {@link #open} for a
 * CREATE on IPC$ and routes WRITE, READ and FSCTL_PIPE_TRANSCEIVE to the returned pipe.
 */
public final class PipeRegistry {
    /** Fragment size offered over SMB; what Windows offers on ncacn_np. */
    public static final int DEFAULT_MAX_FRAGMENT = 4280;
    /** Largest reassembled request stub (Samba's DCERPC_NCACN_REQUEST_DEFAULT_MAX_SIZE). */
    public static final int DEFAULT_MAX_REQUEST = 4 * 1024 * 1024;

    private final Map<String, List<RpcInterface>> pipes;
    private final int maxFragment;
    private final int maxRequest;
    private final AtomicInteger assocGroups = new AtomicInteger(0x5350);

    public PipeRegistry(Map<String, List<RpcInterface>> pipes, int maxFragment, int maxRequest) {
        if (maxFragment < RpcConnection.MIN_FRAGMENT || maxFragment > 0xFFFF) {
            throw new IllegalArgumentException("maxFragment " + maxFragment);
        }
        if (maxRequest < 1) {
            throw new IllegalArgumentException("maxRequest " + maxRequest);
        }
        Map<String, List<RpcInterface>> m = new LinkedHashMap<>();
        pipes.forEach((name, ifaces) -> {
            if (m.put(canonical(name), List.copyOf(ifaces)) != null) {
                throw new IllegalArgumentException("pipe " + name + " registered twice");
            }
        });
        this.pipes = Map.copyOf(m);
        this.maxFragment = maxFragment;
        this.maxRequest = maxRequest;
    }

    public PipeRegistry(Map<String, List<RpcInterface>> pipes) {
        this(pipes, DEFAULT_MAX_FRAGMENT, DEFAULT_MAX_REQUEST);
    }

    /** Opens the pipe, or empty when no such pipe is served (STATUS_OBJECT_NAME_NOT_FOUND). */
    public Optional<NamedPipe> open(String pipeName, RpcCallContext ctx) {
        if (pipeName == null) {
            return Optional.empty();
        }
        String name = canonical(pipeName);
        List<RpcInterface> ifaces = pipes.get(name);
        if (ifaces == null) {
            return Optional.empty();
        }
        RpcConnection conn = new RpcConnection("\\PIPE\\" + name, ifaces, ctx, maxFragment, maxRequest,
                assocGroups.incrementAndGet());
        return Optional.of(new RpcPipe(conn));
    }

    /** Whether {@code pipeName} is served. */
    public boolean exists(String pipeName) {
        return pipeName != null && pipes.containsKey(canonical(pipeName));
    }

    static String canonical(String name) {
        String n = name.trim();
        if (n.regionMatches(true, 0, "\\PIPE\\", 0, 6)) {
            n = n.substring(6);
        }
        while (n.startsWith("\\")) {
            n = n.substring(1);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
