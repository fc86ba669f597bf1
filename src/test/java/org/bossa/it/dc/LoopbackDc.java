package org.bossa.it.dc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives integration tests the loopback Samba AD DC of docs/testbed.md, started
 * once per test JVM (failsafe runs every IT in one JVM) and shared by every test class using it.
 *
 * <pre>{@code
 * @ExtendWith(LoopbackDc.class)
 * class JoinIT {
 *     @Test
 *     void joins(DcInfo dc) { ... dc.runSambaTool("computer", "show", "NAME") ... }
 * }
 * }</pre>
 *
 * <p>On first use it runs {@code scripts/interop/dc.sh host-setup}, then {@code provision} when
 * the state dir holds no DC provisioned for these parameters, then {@code start} (which waits until
 * a Kerberos AS exchange and an LDAPS query succeed). When the whole run ends it runs {@code stop},
 * but only if it started the DC: a DC that was already running (a developer's, or one left by a
 * crashed run) is left running. Setup failures (not root, a peer missing, the DC not answering)
 * fail every test that asks for the DC; nothing is skipped.
 *
 * <p>Parameters are those of dc.sh, from the environment ({@code BOSSA_DC_DIR}, {@code BOSSA_DC_IP},
 * {@code BOSSA_DC_REALM}, {@code BOSSA_DC_DOMAIN}, {@code BOSSA_MEMBER_IP}, {@code BOSSA_HOST_IP}) or
 * from system properties {@code bossa.dc.dir}, {@code bossa.dc.ip}, {@code bossa.dc.realm},
 * {@code bossa.dc.domain}, which win.
 */
public final class LoopbackDc implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LoopbackDc.class);
    private static final Path BASE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SCRIPT = BASE.resolve("scripts/interop/dc.sh");
    /** provision is about 5 s and start waits at most 60 s for the DC; generous bounds over both. */
    private static final Duration PROVISION_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUICK_TIMEOUT = Duration.ofSeconds(60);
    /** dc.sh status: 0 running and answering, 1 running but not answering, 3 provisioned and stopped, 4 not provisioned. */
    private static final int STATUS_RUNNING = 0;
    private static final int STATUS_STOPPED = 3;
    private static final int STATUS_NOT_PROVISIONED = 4;

    /** How often this JVM ran {@code dc.sh start}; a test proves the DC is started once. */
    private static final AtomicInteger STARTS = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DcInfo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return running(context);
    }

    /** The DC's description, starting it first if this JVM has not yet. */
    public static DcInfo running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningDc.class, key -> RunningDc.bringUp(), RunningDc.class)
                .info();
    }

    /** The number of times this JVM ran {@code dc.sh start} (0 when the DC was already running). */
    static int starts() {
        return STARTS.get();
    }

    /**
     * The DC for the whole run, kept in the root store so JUnit closes it once, after the last
     * test. A failed bring-up is kept too, so later classes fail at once with the same cause
     * instead of waiting for the DC again.
     */
    private static final class RunningDc implements ExtensionContext.Store.CloseableResource {
        private final DcInfo info;
        private final RuntimeException failure;
        private final boolean startedHere;

        private RunningDc(DcInfo info, RuntimeException failure, boolean startedHere) {
            this.info = info;
            this.failure = failure;
            this.startedHere = startedHere;
        }

        static RunningDc bringUp() {
            boolean started = false;
            try {
                Tools.require("samba", "samba-ad-dc");
                Tools.require("samba-tool", "samba-ad-provision");
                Tools.require("kinit", "krb5-user");
                Tools.require("ldapsearch", "ldap-utils");
                Tools.require("unshare", "util-linux");
                if (!Files.isRegularFile(SCRIPT)) {
                    throw new IllegalStateException(SCRIPT + " is missing");
                }
                script("host-setup", QUICK_TIMEOUT, true);
                int status = script("status", QUICK_TIMEOUT, false).exitCode();
                if (status == STATUS_NOT_PROVISIONED) {
                    script("provision", PROVISION_TIMEOUT, true);
                }
                if (status == STATUS_NOT_PROVISIONED || status == STATUS_STOPPED) {
                    STARTS.incrementAndGet();
                    started = true;
                    script("start", START_TIMEOUT, true);
                } else if (status != STATUS_RUNNING) {
                    // running but not answering yet (someone else's start in progress): wait for it,
                    // and leave it running at the end, since this run did not start it
                    script("start", START_TIMEOUT, true);
                }
                return new RunningDc(describe(), null, started);
            } catch (RuntimeException e) {
                return new RunningDc(null, e, started);
            }
        }

        DcInfo info() {
            if (failure != null) {
                throw new IllegalStateException("the loopback AD DC is not available: " + failure.getMessage(), failure);
            }
            return info;
        }

        @Override
        public void close() {
            if (startedHere) {
                script("stop", QUICK_TIMEOUT, true);
            }
        }
    }

    /** Runs {@code dc.sh COMMAND}; when {@code mustSucceed}, a failure throws with all it printed. */
    private static ToolResult script(String command, Duration timeout, boolean mustSucceed) {
        long t0 = System.nanoTime();
        ToolResult result = Tools.run(List.of("bash", SCRIPT.toString(), command), BASE, scriptEnv(), null, timeout);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("[LoopbackDc] dc.sh " + command + " -> exit " + result.exitCode() + " in " + ms + " ms");
        if (!command.equals("env")) {   // env prints the administrator password
            result.output().lines().forEach(line -> System.out.println("[LoopbackDc]   " + line));
        }
        if (mustSucceed && !result.succeeded()) {
            String output = command.equals("env") ? "(output withheld: it holds the password)" : result.output().strip();
            throw new IllegalStateException("scripts/interop/dc.sh " + command + " failed (exit " + result.exitCode()
                    + "):\n" + output);
        }
        return result;
    }

    /** dc.sh's parameters from system properties, over those inherited from the environment. */
    private static Map<String, String> scriptEnv() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("dir", "ip", "realm", "domain")) {
            String value = System.getProperty("bossa.dc." + name);
            if (value != null && !value.isBlank()) {
                env.put("BOSSA_DC_" + name.toUpperCase(java.util.Locale.ROOT), value);
            }
        }
        return env;
    }

    /** Parses {@code dc.sh env}: lines {@code KEY='value'}, a quote inside written as {@code '\''}. */
    private static DcInfo describe() {
        ToolResult result = script("env", QUICK_TIMEOUT, true);
        Map<String, String> env = new HashMap<>();
        for (String line : result.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.startsWith("BOSSA_")) {
                continue;
            }
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("'\\''", "'");
            }
            env.put(line.substring(0, eq), value);
        }
        return new DcInfo(need(env, "BOSSA_DC_REALM"), need(env, "BOSSA_DC_DOMAIN"), need(env, "BOSSA_DC_HOST"),
                need(env, "BOSSA_DC_IP"), need(env, "BOSSA_DC_ADMIN"), need(env, "BOSSA_DC_ADMIN_PASSWORD"),
                Path.of(need(env, "BOSSA_DC_KRB5_CONF")), Path.of(need(env, "BOSSA_DC_CA")),
                Path.of(need(env, "BOSSA_DC_DIR")), need(env, "BOSSA_DC_BASE_DN"));
    }

    private static String need(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("dc.sh env printed no " + key);
        }
        return value;
    }
}
