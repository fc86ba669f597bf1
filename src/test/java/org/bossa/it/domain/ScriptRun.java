package org.bossa.it.domain;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bossa.it.dc.ToolResult;

/**
 * Runs one of the repository's scripts from its base directory, echoing each line it prints to the
 * test's output as it comes (a long run shows its progress) and collecting it. A script still
 * running at the deadline gets SIGTERM first, so its trap can stop what it started, then SIGKILL.
 */
final class ScriptRun {
    private ScriptRun() {
    }

    static ToolResult run(List<String> command, Duration deadline) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(BossaCommand.BASE.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        StringBuilder out = new StringBuilder();
        try {
            Process p = pb.start();
            String name = command.size() > 1 ? Path.of(command.get(1)).getFileName().toString() : command.getFirst();
            Thread pump = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        System.out.println("[" + name + "] " + line);
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read is the output
                }
            });
            boolean exited = p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor();
                }
            }
            pump.join(Duration.ofSeconds(10));
            synchronized (out) {
                return exited ? new ToolResult(p.exitValue(), out.toString())
                        : new ToolResult(-1, out + "[killed: still running after " + deadline.toMinutes() + " min]\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
