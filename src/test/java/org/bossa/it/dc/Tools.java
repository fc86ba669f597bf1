package org.bossa.it.dc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external tools with a time limit and collects what they print. */
final class Tools {

    /** Where the Samba and MIT binaries live on Debian; a test JVM's PATH may lack the sbin ones. */
    private static final List<Path> BIN_DIRS =
            List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/bin"), Path.of("/sbin"));

    private Tools() {
    }

    /**
     * The absolute path of {@code name}; fails (never skips) when it is not installed, naming the
     * Debian package and the script that installs it.
     */
    static Path require(String name, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        for (Path dir : BIN_DIRS) {
            if (Files.isExecutable(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " is not installed (Debian package " + debianPackage
                + "): run scripts/install-peers.sh as root");
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code extraEnv} added to this JVM's
     * environment, {@code stdin} (or nothing) on its standard input; kills it after
     * {@code timeout} and reports that as exit code -1.
     */
    static ToolResult run(List<String> command, Path workDir, Map<String, String> extraEnv, String stdin,
            Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
        try {
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the tool exited without reading its input; its exit code and output say why
                }
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(Duration.ofSeconds(5));
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            if (!finished) {
                return new ToolResult(-1, text + "\n[timed out after " + timeout.toSeconds() + " s: "
                        + String.join(" ", command.subList(0, Math.min(3, command.size()))) + "]");
            }
            return new ToolResult(process.exitValue(), text);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process went away; what was read so far is the output
        }
    }
}
