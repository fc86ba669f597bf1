package org.bossa.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Samba's {@code smbclient} against a {@link TestServer} and parses what it prints. */
final class Smbclient {
    static final Path BINARY = Path.of("/usr/bin/smbclient");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** {@code  name   ATTRS   size  Mon Nov 23 21:11:45 2026} as smbclient's ls prints it. */
    private static final Pattern LS_LINE = Pattern.compile(
            "^ {2}(.+?)\\s+([ADHSRNI]*)\\s+(\\d+)\\s+\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$");

    private Smbclient() {
    }

    /** What one run printed (stdout and stderr interleaved) and its exit code. */
    record Result(int exitCode, String output) {
        boolean hasStatus(String ntStatus) {
            return output.contains(ntStatus);
        }

        /** Any NT_STATUS_ error mentioned. */
        boolean anyError() {
            return output.contains("NT_STATUS_");
        }

        /** The listing entry for {@code name} printed by an {@code ls}. */
        Optional<Entry> entry(String name) {
            for (String line : output.split("\n")) {
                Matcher m = LS_LINE.matcher(line);
                if (m.matches() && m.group(1).equals(name)) {
                    return Optional.of(new Entry(m.group(1), m.group(2), Long.parseLong(m.group(3))));
                }
            }
            return Optional.empty();
        }

        List<String> names() {
            List<String> out = new ArrayList<>();
            for (String line : output.split("\n")) {
                Matcher m = LS_LINE.matcher(line);
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    record Entry(String name, String attributes, long size) {
    }

    /** Fails the test (never skips it) when the peer is not installed. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: run scripts/install-peers.sh (installs Samba's smbclient) and retry");
        }
    }

    /** Common arguments: no smb.conf, the server's port, user alice, exact dialect when given. */
    static List<String> base(TestServer server, String dialect, String user, String password) {
        List<String> a = new ArrayList<>(List.of(BINARY.toString(), "-s", "/dev/null", "-p",
                Integer.toString(server.port()), "-U", user + "%" + password));
        if (dialect != null) {
            a.add("--option=client min protocol=" + dialect);
            a.add("-m");
            a.add(dialect);
        }
        return a;
    }

    /** {@code smbclient //127.0.0.1/share -c commands} as alice. */
    static Result share(TestServer server, String share, String dialect, String commands, String... extra) {
        List<String> a = base(server, dialect, TestServer.ALICE, TestServer.ALICE_PASSWORD);
        a.addAll(List.of(extra));
        a.add("//" + server.host() + "/" + share);
        a.add("-c");
        a.add(commands);
        return run(a, DEFAULT_TIMEOUT);
    }

    static Result run(List<String> args, Duration timeout) {
        requireInstalled();
        Path out = null;
        try {
            out = Files.createTempFile("smbclient-", ".out");
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("smbclient did not finish within " + timeout + ": " + args + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // temp file; nothing to do
                }
            }
        }
    }
}
