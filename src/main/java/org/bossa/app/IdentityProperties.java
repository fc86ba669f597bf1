package org.bossa.app;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bossa.identity.*}: the identity service a joined server offers the host (Samba's
 * winbindd): the winbindd socket for libnss_winbind, pam_winbind and wbinfo, the systemd userdb
 * service, and how domain users look to the host.
 */
public class IdentityProperties {
    /** Answer on the winbindd socket and the userdb socket (a joined server only). */
    private boolean enabled = true;

    /** Where the winbindd socket ({@code pipe}) goes; Samba's clients look in /run/samba/winbindd. */
    @NotNull
    private Path winbindSocketDir = Path.of("/run/samba/winbindd");

    /** The systemd userdb socket; empty: no userdb service. */
    private Path userdbSocket = Path.of("/run/systemd/userdb/org.bossa.identity");

    /** Home directory of domain users: %D is the domain, %U the user name (Samba's template homedir). */
    @NotNull
    private String templateHomedir = "/home/%D/%U";

    /** Login shell of domain users (Samba's template shell). */
    @NotNull
    private String templateShell = "/bin/false";

    /** Names without the domain (alice rather than EXAMPLE\alice), as winbind use default domain. */
    private boolean useDefaultDomain = false;

    /** How long a looked-up user or group is trusted before asking the DC again. */
    @NotNull
    private Duration cacheTtl = Duration.ofMinutes(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getWinbindSocketDir() {
        return winbindSocketDir;
    }

    public void setWinbindSocketDir(Path winbindSocketDir) {
        this.winbindSocketDir = winbindSocketDir;
    }

    public Path getUserdbSocket() {
        return userdbSocket;
    }

    public void setUserdbSocket(Path userdbSocket) {
        this.userdbSocket = userdbSocket;
    }

    public String getTemplateHomedir() {
        return templateHomedir;
    }

    public void setTemplateHomedir(String templateHomedir) {
        this.templateHomedir = templateHomedir;
    }

    public String getTemplateShell() {
        return templateShell;
    }

    public void setTemplateShell(String templateShell) {
        this.templateShell = templateShell;
    }

    public boolean isUseDefaultDomain() {
        return useDefaultDomain;
    }

    public void setUseDefaultDomain(boolean useDefaultDomain) {
        this.useDefaultDomain = useDefaultDomain;
    }

    public Duration getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }
}
