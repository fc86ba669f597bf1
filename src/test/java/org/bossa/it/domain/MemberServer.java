package org.bossa.it.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bossa.it.dc.DcInfo;

/**
 * Bossa as a domain member, run the way an administrator runs it: {@code bossa join} into its own
 * state directory, then {@code bossa serve} from the packaged jar with a settings file naming the
 * domain and one share. Its output goes to {@code server.log} in the state directory.
 */
final class MemberServer implements AutoCloseable {
    final DcInfo dc;
    final String name;
    final Path dir;
    final Path share;
    final int port;
    final String bindAddress;
    private final List<String> shares = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;

    MemberServer(DcInfo dc, String name) throws IOException {
        this(dc, name, "127.0.0.1");
    }

    /** @param bindAddress where serve listens (the fixture maps bossa.REALM to BOSSA_HOST_IP, 127.0.0.4) */
    MemberServer(DcInfo dc, String name, String bindAddress) throws IOException {
        this.dc = dc;
        this.name = name;
        this.bindAddress = bindAddress;
        this.dir = BossaCommand.BASE.resolve("target/it-domain/" + name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        this.share = dir.resolve("share");
        Files.createDirectories(share);
        Files.setPosixFilePermissions(share, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /**
     * One more share, {@code name} (a 0777 directory of that name beside {@code share}), admitting
     * {@code validUsers}; takes effect at the next {@link #start}.
     */
    MemberServer share(String name, String... validUsers) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder yaml = new StringBuilder("    - name: " + name + "\n      path: " + d + "\n      valid-users:");
        for (String v : validUsers) {
            // single-quoted YAML: backslashes are literal, and '@' or '+' may start the value
            yaml.append("\n        - '").append(v.replace("'", "''")).append('\'');
        }
        shares.add(yaml.toString());
        return this;
    }

    /**
     * An environment variable for {@code serve} from the next {@link #start} on (such as
     * {@code BOSSA_AUTH_NTLM=false}), or with {@code value} null no longer set. Only these reach
     * it: the test JVM's own BOSSA_* and SPRING_* variables never do.
     */
    MemberServer environment(String variable, String value) {
        if (value == null) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }
        return this;
    }

    /** Stops {@code serve} (if running) and starts it again with the same settings and environment. */
    void restart(String... domainSettings) throws IOException, InterruptedException {
        close();
        start(domainSettings);
    }

    /** How much {@code server.log} holds now: {@link #logSince} shows what was written after this mark. */
    int logMark() {
        return Files.exists(dir.resolve("server.log")) ? log().length() : 0;
    }

    /** What {@code server.log} gained after {@code mark}, from {@link #logMark}. */
    String logSince(int mark) {
        String all = log();
        return all.substring(Math.min(mark, all.length()));
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    /** {@code bossa join} with the administrator's password. */
    BossaCommand.Result join() {
        return BossaCommand.run(Duration.ofSeconds(60), dc.adminPassword(), "join", "--realm", dc.realm(),
                "--netbios-name", name, "--dns-servers", dc.dcIp(), "-U", dc.adminUser(), "--password-stdin",
                "--state-dir", stateDir().toString());
    }

    /** {@code bossa leave}, deleting the computer account. */
    BossaCommand.Result leave() {
        return BossaCommand.run(Duration.ofSeconds(60), dc.adminPassword(), "leave", "-U", dc.adminUser(),
                "--password-stdin", "--state-dir", stateDir().toString());
    }

    /** Any one-shot command against this member's state. */
    BossaCommand.Result command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", stateDir().toString()));
        return BossaCommand.run(Duration.ofSeconds(60), null, all.toArray(String[]::new));
    }

    /** Starts {@code bossa serve} and waits until it accepts connections; extra {@code bossa.domain} keys as "key: value". */
    void start(String... domainSettings) throws IOException, InterruptedException {
        StringBuilder extra = new StringBuilder();
        for (String d : domainSettings) {
            extra.append("    ").append(d).append('\n');
        }
        Path config = dir.resolve("member.yml");
        Files.writeString(config, String.join("\n",
                "bossa:",
                "  state-dir: " + stateDir(),
                "  netbios-name: " + name,
                "  workgroup: " + dc.netbiosDomain(),
                "  domain:",
                "    realm: " + dc.realm(),
                "    dns-servers: [" + dc.dcIp() + "]",
                extra.toString().stripTrailing(),
                "  smb:",
                "    bind: [" + bindAddress + "]",
                "    port: " + port,
                "  shares:",
                "    - name: share",
                "      path: " + share,
                String.join("\n", shares),
                ""));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-jar",
                BossaCommand.JAR.toString(), "serve", "--spring.config.additional-location=file:" + config));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())); // a restart keeps the earlier log
        pb.environment().keySet().removeIf(k -> k.startsWith("BOSSA_") || k.startsWith("SPRING_"));
        pb.environment().putAll(environment);
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bossa serve exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(bindAddress, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("bossa serve did not listen on " + port + " within 60 s:\n" + log());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
