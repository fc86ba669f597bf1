package org.bossa.it.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code target/bossa.jar} as an operator would ({@code bossa join ...}), with a
 * password on standard input, and captures exit code, standard output and standard error. A
 * command that has not exited within its deadline is killed and reported as such.
 */
final class BossaCommand {
    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = BASE.resolve("target/bossa.jar");

    /** What a command did. */
    record Result(int exitCode, String out, String err, Duration elapsed, boolean timedOut) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + (timedOut ? " (killed at deadline)" : "") + " after " + elapsed.toMillis()
                    + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private BossaCommand() {
    }

    static Result run(Duration deadline, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(BASE.toFile());
        // settings come only from the options the test gives, never from the environment
        pb.environment().keySet().removeIf(k -> k.startsWith("BOSSA_") || k.startsWith("SPRING_"));
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean exited = p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(exited ? p.exitValue() : -1, out.join(), err.join(), elapsed, !exited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }
}
