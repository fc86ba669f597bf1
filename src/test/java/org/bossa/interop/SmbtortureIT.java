package org.bossa.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Interop phase: Samba's smbtorture smb2 suites against the packaged server, compared with the
 * committed knownfail list ({@code src/test/resources/interop/smbtorture-knownfail.txt}).
 *
 * <p>All the work is done by {@code scripts/interop/smbtorture.sh}, which starts
 * {@code target/bossa.jar} (built by the package phase, before failsafe runs), runs each suite under a
 * time limit and exits non-zero when a test outside the knownfail list fails or a listed test passes.
 * The script can be run by hand the same way; {@code --update-knownfail} regenerates the list.
 *
 * <p>System properties: {@code smbtorture.suites} (e.g. {@code lock,rename}) limits the run,
 * {@code smbtorture.timeout.minutes} (default 30) bounds the whole run, and
 * {@code smbtorture.skip=true} skips it (reported as skipped, never silently).
 */
class SmbtortureIT {

  private static final Path BASE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  private static final Path SCRIPT = BASE.resolve("scripts/interop/smbtorture.sh");
  private static final Path JAR = BASE.resolve("target/bossa.jar");

  @Test
  void smb2SuitesMatchTheKnownfailList() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("smbtorture.skip"), "smbtorture.skip=true: smbtorture suites not run");
    if (!onPath("smbtorture")) {
      fail("smbtorture is not installed: run scripts/install-peers.sh (Debian package samba-testsuite)");
    }
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the package phase builds it (./mvnw verify)");
    assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " is missing");

    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--no-docs"));
    String suites = System.getProperty("smbtorture.suites", "");
    if (!suites.isBlank()) {
      command.add("--suites");
      command.add(suites.trim());
    }
    command.add(JAR.toString());
    long minutes = Long.getLong("smbtorture.timeout.minutes", 30);

    ProcessBuilder pb = new ProcessBuilder(command).directory(BASE.toFile()).redirectErrorStream(true);
    Process process = pb.start();
    List<String> output = new ArrayList<>();
    Thread pump = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          System.out.println("[smbtorture] " + line);
          synchronized (output) {
            output.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      // SIGTERM first: the script's trap stops the Bossa server it started
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      pump.join(5_000);
      fail("smbtorture run did not finish within " + minutes + " minutes (smbtorture.timeout.minutes)\n" + tail(output));
    }
    pump.join(10_000);
    assertEquals(0, process.exitValue(),
        () -> "smbtorture results differ from src/test/resources/interop/smbtorture-knownfail.txt"
            + " (details: target/interop/smbtorture-*.txt; regenerate: scripts/interop/smbtorture.sh --update-knownfail)\n"
            + tail(output));
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String tail(List<String> output) {
    synchronized (output) {
      int from = 0;
      for (int i = 0; i < output.size(); i++) {
        if (output.get(i).startsWith("smbtorture.sh: Bossa pid")) {
          from = i;
        }
      }
      List<String> lines = output.subList(from, output.size());
      if (lines.size() > 200) {
        lines = lines.subList(lines.size() - 200, lines.size());
      }
      return String.join("\n", lines);
    }
  }
}
