package org.bossa.it.dc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loopback Samba AD DC a test runs against, as {@code scripts/interop/dc.sh env} describes
 * it, with helpers that run Samba's and MIT's tools against it. Injected by {@link LoopbackDc}.
 *
 * <p>Test data made at provision (see dc.sh): users alice, bob, carol, joiner (passwords
 * {@link #ALICE_PASSWORD} ...), group Engineers (alice, bob), {@code OU=Members} and
 * {@code OU=Locked} (no one may create objects in it, Administrator included).
 *
 * @param realm         Kerberos realm, upper case ({@code EXAMPLE.TEST})
 * @param netbiosDomain NetBIOS domain ({@code EXAMPLE})
 * @param dcHost        the DC's DNS name ({@code dc1.example.test}), in /etc/hosts
 * @param dcIp          the DC's loopback address ({@code 127.0.0.2})
 * @param adminUser     {@code administrator}
 * @param adminPassword its password
 * @param krb5Conf      a client krb5.conf for MIT tools (KDC and kpasswd at {@code dcIp})
 * @param caCert        the CA of the DC's self-signed LDAPS certificate (PEM)
 * @param stateDir      the DC's state dir (its smb.conf is {@code etc/smb.conf} there)
 * @param domainDn      the domain's DN ({@code DC=example,DC=test})
 */
public record DcInfo(String realm, String netbiosDomain, String dcHost, String dcIp, String adminUser,
        String adminPassword, Path krb5Conf, Path caCert, Path stateDir, String domainDn) {

    public static final String ALICE_PASSWORD = "Alice!Passw0rd";
    public static final String BOB_PASSWORD = "Bob!Passw0rd";
    public static final String CAROL_PASSWORD = "Carol!Passw0rd";
    /** {@code joiner} has no rights beyond those of Domain Users. */
    public static final String JOINER_PASSWORD = "Joiner!Passw0rd";

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    /** The DN of {@code OU=Members}, an ordinary OU for {@code --ou} tests. */
    public String membersOu() {
        return "OU=Members," + domainDn;
    }

    /** The DN of {@code OU=Locked}, whose DACL denies create-child to Everyone. */
    public String lockedOu() {
        return "OU=Locked," + domainDn;
    }

    /** {@code ldap://dcIp}, as samba-tool's {@code -H} takes it. */
    public String ldapUrl() {
        return "ldap://" + dcIp;
    }

    /** {@code KRB5_CONFIG} pointing at the fixture's krb5.conf: the environment for MIT tools. */
    public Map<String, String> krb5Env() {
        return Map.of("KRB5_CONFIG", krb5Conf.toString());
    }

    /** {@code samba-tool ARGS -H ldap://DC -U administrator%...}: as the domain administrator. */
    public ToolResult runSambaTool(String... args) {
        return runSambaToolAs(adminUser, adminPassword, args);
    }

    /** {@code samba-tool ARGS -H ldap://DC -U USER%PASSWORD}: as another domain user. */
    public ToolResult runSambaToolAs(String user, String password, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tools.require("samba-tool", "samba-ad-provision").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-H", ldapUrl(), "-U", user + "%" + password));
        return run(command, null);
    }

    /**
     * {@code samba-tool ARGS} as the administrator, which must succeed: what it printed. A failure
     * throws with the exit code and output (samba-tool does not echo the password it was given).
     */
    public String sambaToolOrFail(String... args) {
        ToolResult result = runSambaTool(args);
        if (!result.succeeded()) {
            throw new IllegalStateException("samba-tool " + String.join(" ", args) + " failed, " + result);
        }
        return result.output();
    }

    /**
     * An enabled computer account {@code NAME$} in {@code CN=Computers}, without SPNs, replacing any
     * account of that name a crashed run left behind. samba-tool creates computers disabled, and a
     * disabled account gets no ticket. Its password is random: a test sets one (with kpasswd, as the
     * join does) before it authenticates as the account.
     */
    public void createEnabledComputer(String name) {
        deleteComputerIfPresent(name);
        sambaToolOrFail("computer", "create", name);
        sambaToolOrFail("user", "enable", name + "$");
    }

    /** Deletes the computer {@code NAME$} when it exists (clean-up, where absence is no error). */
    public void deleteComputerIfPresent(String name) {
        if (runSambaTool("computer", "show", name, "--attributes=sAMAccountName").succeeded()) {
            sambaToolOrFail("computer", "delete", name);
        }
    }

    /** Deletes the user {@code NAME} when it exists (clean-up, where absence is no error). */
    public void deleteUserIfPresent(String name) {
        if (runSambaTool("user", "show", name, "--attributes=sAMAccountName").succeeded()) {
            sambaToolOrFail("user", "delete", name);
        }
    }

    /** {@code msDS-KeyVersionNumber} of the computer {@code NAME$}: the kvno its keys have at the KDC. */
    public int computerKvno(String name) {
        String output = sambaToolOrFail("computer", "show", name, "--attributes=msDS-KeyVersionNumber");
        return output.lines()
                .filter(line -> line.startsWith("msDS-KeyVersionNumber:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no msDS-KeyVersionNumber for " + name + ":\n" + output));
    }

    /**
     * MIT {@code kinit PRINCIPAL} with the password on stdin, the fixture's krb5.conf and a
     * throw-away credential cache: a Kerberos AS exchange with the DC's KDC.
     */
    public ToolResult kinit(String principal, String password) {
        Path cache = null;
        try {
            cache = Files.createTempFile("bossa-it-ccache", "");
            List<String> command = List.of(Tools.require("kinit", "krb5-user").toString(), "-c",
                    "FILE:" + cache, principal);
            return run(command, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (cache != null) {
                try {
                    Files.deleteIfExists(cache);
                } catch (IOException ignored) {
                    // a temp file left behind; nothing a test can do about it
                }
            }
        }
    }

    /** Any command, with {@code KRB5_CONFIG} set to the fixture's krb5.conf, killed after 60 s. */
    public ToolResult run(List<String> command, String stdin) {
        return Tools.run(command, stateDir.getParent(), krb5Env(), stdin, TOOL_TIMEOUT);
    }

    /**
     * Makes {@code user}'s password expired (a logon then gets PASSWORD_EXPIRED): a PSO with a
     * 2-day maximum age for the user, and its pwdLastSet put 100 days back in the DC's database
     * (src/test/resources/interop/age-password.py says why it must be done that way). Undo with
     * {@link #renewPassword}.
     */
    public void expirePassword(String user) {
        String pso = user + "-expired";
        runSambaTool("domain", "passwordsettings", "pso", "delete", pso);
        sambaToolOrFail("domain", "passwordsettings", "pso", "create", pso, "1", "--max-pwd-age=2", "--min-pwd-age=0");
        sambaToolOrFail("domain", "passwordsettings", "pso", "apply", pso, user);
        Path partition = stateDir.resolve("private/sam.ldb.d/" + domainDn.toUpperCase(java.util.Locale.ROOT) + ".ldb");
        Path script = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("src/test/resources/interop/age-password.py");
        ToolResult r = run(List.of("/usr/bin/python3", script.toString(), partition.toString(), domainDn, user), null);
        if (!r.succeeded()) {
            throw new IllegalStateException("could not age the password of " + user + ": " + r);
        }
    }

    /** Undoes {@link #expirePassword}: drops the PSO and sets a fresh password. */
    public void renewPassword(String user, String password) {
        runSambaTool("domain", "passwordsettings", "pso", "delete", user + "-expired");
        sambaToolOrFail("user", "setpassword", user, "--newpassword=" + password);
    }

    /** Keeps the administrator password out of test reports. */
    @Override
    public String toString() {
        return "DcInfo[realm=" + realm + ", netbiosDomain=" + netbiosDomain + ", dcHost=" + dcHost + ", dcIp=" + dcIp
                + ", adminUser=" + adminUser + ", krb5Conf=" + krb5Conf + ", caCert=" + caCert + ", stateDir="
                + stateDir + ", domainDn=" + domainDn + "]";
    }
}
