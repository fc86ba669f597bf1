package org.bossa.it.netlogon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Samba's Python Netlogon client ({@code netlogon_peer.py}, a test resource) as a line-based peer:
 * it sends the NetrServerReqChallenge and NetrServerAuthenticate3 calls with the values this side
 * computed, and packs and unpacks NDR stubs with Samba's pidl code. One connection to the DC per peer.
 */
final class SambaNetlogonPeer implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    SambaNetlogonPeer(String dcIp) throws IOException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("/usr/bin/python3 with Samba's bindings (python3-samba) is needed");
        }
        Path script;
        try {
            script = Path.of(SambaNetlogonPeer.class.getResource("/org/bossa/rpc/netlogon/netlogon_peer.py").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("netlogon_peer.py is not on the test classpath", e);
        }
        process = new ProcessBuilder(List.of(PYTHON.toString(), script.toString(), dcIp))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one command line; returns the words of an "ok" answer, or throws with the error answer. */
    String[] ok(String command) {
        String answer = call(command);
        if (!answer.startsWith("ok")) {
            throw new IllegalStateException("netlogon_peer.py: " + command.split(" ")[0] + " -> " + answer);
        }
        return answer.split(" ");
    }

    /** Sends one command line and returns the answer line. */
    String call(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("netlogon_peer.py exited (see its stderr above)");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("netlogon_peer.py did not answer " + command.split(" ")[0], e);
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
