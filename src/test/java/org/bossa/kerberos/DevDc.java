package org.bossa.kerberos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DC the Kerberos ITs talk to, from system properties with the defaults of the development DC
 * (TESTBED.md). To be replaced by the shared LoopbackDc fixture. Accounts are made and removed with
 * samba-tool over LDAP, as an administrator would.
 */
public final class DevDc {
    public static final String KDC = System.getProperty("bossa.it.dc.kdc", "127.0.0.2");
    public static final String REALM = System.getProperty("bossa.it.dc.realm", "EXAMPLE.TEST");
    public static final String ADMIN = System.getProperty("bossa.it.dc.admin", "administrator");
    public static final String ADMIN_PASSWORD = System.getProperty("bossa.it.dc.admin-password", "Passw0rd!Admin");
    /** A krb5.conf for the MIT tools that points at the DC. */
    public static final Path KRB5_CONF = Path.of(System.getProperty("bossa.it.dc.krb5-conf", "/work/dev-dc/krb5.conf"));

    private DevDc() {
    }

    public static KdcConfig config() {
        return KdcConfig.of(REALM, List.of(KDC));
    }

    /** Runs {@code samba-tool ARGS -H ldap://KDC -U admin%password}; fails the test on a non-zero exit. */
    public static String sambaTool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("samba-tool"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-H", "ldap://" + KDC, "-U", ADMIN + "%" + ADMIN_PASSWORD));
        return run(cmd, Map.of(), true);
    }

    /** Like {@link #sambaTool} but tolerates failure (for clean-up of what may not exist). */
    public static void sambaToolQuietly(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("samba-tool"));
            cmd.addAll(List.of(args));
            cmd.addAll(List.of("-H", "ldap://" + KDC, "-U", ADMIN + "%" + ADMIN_PASSWORD));
            run(cmd, Map.of(), false);
        } catch (IOException | InterruptedException ignored) {
            // best effort
        }
    }

    /** Runs a command with extra environment; returns stdout+stderr. */
    public static String run(List<String> cmd, Map<String, String> env, boolean mustSucceed)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.getFirst() + " " + cmd.get(1) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (mustSucceed && p.exitValue() != 0) {
            throw new IOException(cmd.getFirst() + " " + cmd.get(1) + " " + cmd.get(2) + " exited " + p.exitValue()
                    + ": " + text.replace(ADMIN_PASSWORD, "***"));
        }
        return text;
    }

    /** An enabled computer account NAME$ without SPNs (samba-tool creates it disabled). */
    public static void createComputer(String name) throws IOException, InterruptedException {
        sambaToolQuietly("computer", "delete", name);
        sambaTool("computer", "create", name);
        sambaTool("user", "enable", name + "$");
    }

    /** msDS-KeyVersionNumber of NAME$. */
    public static int computerKvno(String name) throws IOException, InterruptedException {
        String out = sambaTool("computer", "show", name, "--attributes=msDS-KeyVersionNumber");
        for (String line : out.split("\n")) {
            if (line.startsWith("msDS-KeyVersionNumber:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IOException("no msDS-KeyVersionNumber for " + name + ": " + out);
    }
}
