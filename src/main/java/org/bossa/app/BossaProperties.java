package org.bossa.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code bossa.} in application.yml, environment variables (BOSSA_SMB_PORT ...) or
 * SPRING_CONFIG_ADDITIONAL_LOCATION. A value that fails validation stops start-up; Spring Boot's
 * failure report names the key.
 */
@Validated
@ConfigurationProperties(prefix = "bossa")
public class BossaProperties {

    /** Where the embedded store (users, secrets, id allocations) lives. */
    @NotNull
    private Path stateDir = Path.of("state");

    /** NetBIOS name of this server; defaults to the host name, upper-cased, up to 15 characters. */
    @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9-]{0,14}$", message = "must be 1-15 letters, digits or '-'")
    private String netbiosName = "";

    /** Workgroup (standalone) or NetBIOS domain name. */
    @NotBlank
    @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{0,14}$", message = "must be 1-15 letters, digits or '-'")
    private String workgroup = "WORKGROUP";

    @Valid
    @NotNull
    private Smb smb = new Smb();

    @Valid
    @NotNull
    private List<Share> shares = new ArrayList<>();

    @Valid
    @NotNull
    private DomainProperties domain = new DomainProperties();

    /** bossa.limits.*: resource limits per client. */
    @Valid
    @NotNull
    private LimitsProperties limits = new LimitsProperties();

    /** bossa.idmap.*: SID to uid/gid mapping. */
    @Valid
    @NotNull
    private IdmapProperties idmap = new IdmapProperties();

    /** bossa.identity.*: the winbindd and userdb services for the host. */
    @Valid
    @NotNull
    private IdentityProperties identity = new IdentityProperties();

    /** bossa.auth.*: logon mechanisms. */
    @Valid
    @NotNull
    private AuthProperties auth = new AuthProperties();

    public Path getStateDir() {
        return stateDir;
    }

    public void setStateDir(Path stateDir) {
        this.stateDir = stateDir;
    }

    public String getNetbiosName() {
        return netbiosName;
    }

    public void setNetbiosName(String netbiosName) {
        this.netbiosName = netbiosName;
    }

    public String getWorkgroup() {
        return workgroup;
    }

    public void setWorkgroup(String workgroup) {
        this.workgroup = workgroup;
    }

    public Smb getSmb() {
        return smb;
    }

    public void setSmb(Smb smb) {
        this.smb = smb;
    }

    public List<Share> getShares() {
        return shares;
    }

    public void setShares(List<Share> shares) {
        this.shares = shares;
    }

    public DomainProperties getDomain() {
        return domain;
    }

    public void setDomain(DomainProperties domain) {
        this.domain = domain;
    }

    public LimitsProperties getLimits() {
        return limits;
    }

    public IdmapProperties getIdmap() {
        return idmap;
    }

    public void setIdmap(IdmapProperties idmap) {
        this.idmap = idmap;
    }

    public IdentityProperties getIdentity() {
        return identity;
    }

    public void setIdentity(IdentityProperties identity) {
        this.identity = identity;
    }

    public AuthProperties getAuth() {
        return auth;
    }

    public void setAuth(AuthProperties auth) {
        this.auth = auth;
    }

    public void setLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    public enum Signing { REQUIRED, ENABLED }

    /** off: the server never asks for encryption (a client may still encrypt); desired: asks capable clients; required: refuses plain requests. */
    public enum Encryption { OFF, DESIRED, REQUIRED }

    public static class Smb {
        /** Addresses to listen on. */
        @NotEmpty
        private List<@NotBlank String> bind = new ArrayList<>(List.of("0.0.0.0"));

        @Min(1)
        @Max(65535)
        private int port = 445;

        @NotNull
        private Signing signing = Signing.ENABLED;

        @NotNull
        private Encryption encryption = Encryption.OFF;

        /** Dialects offered, e.g. [2.0.2, 2.1, 3.0, 3.0.2, 3.1.1]. */
        @NotEmpty
        private List<@NotBlank String> dialects = new ArrayList<>(List.of("2.0.2", "2.1", "3.0", "3.0.2", "3.1.1"));

        /** Lets a client log on with no user name (null session); needed by some old tools for share lists. */
        private boolean allowAnonymous = false;

        /**
         * Accepts a logon the DC validated as its Guest account (LOGON_GUEST). Off: such logons are
         * refused, as Windows clients since 1709 refuse insecure guest logons.
         */
        private boolean allowGuest = false;

        /** Largest READ or WRITE, in bytes (MaxReadSize/MaxWriteSize); 8 MiB like Windows and Samba. */
        @Min(65536)
        @Max(8388608)
        private int maxIoSize = 8 * 1024 * 1024;

        public List<String> getBind() {
            return bind;
        }

        public void setBind(List<String> bind) {
            this.bind = bind;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Signing getSigning() {
            return signing;
        }

        public void setSigning(Signing signing) {
            this.signing = signing;
        }

        public Encryption getEncryption() {
            return encryption;
        }

        public void setEncryption(Encryption encryption) {
            this.encryption = encryption;
        }

        public List<String> getDialects() {
            return dialects;
        }

        /** Reported by validation as bossa.smb.dialects-valid when a dialect name is unknown. */
        @jakarta.validation.constraints.AssertTrue(message = "bossa.smb.dialects must list only 2.0.2, 2.1, 3.0, 3.0.2 or 3.1.1")
        public boolean isDialectsValid() {
            try {
                dialects.forEach(org.bossa.smb2.wire.Dialect::parse);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        public void setDialects(List<String> dialects) {
            this.dialects = dialects;
        }

        public boolean isAllowAnonymous() {
            return allowAnonymous;
        }

        public void setAllowAnonymous(boolean allowAnonymous) {
            this.allowAnonymous = allowAnonymous;
        }

        public boolean isAllowGuest() {
            return allowGuest;
        }

        public void setAllowGuest(boolean allowGuest) {
            this.allowGuest = allowGuest;
        }

        public int getMaxIoSize() {
            return maxIoSize;
        }

        public void setMaxIoSize(int maxIoSize) {
            this.maxIoSize = maxIoSize;
        }
    }

    public static class Share {
        @NotBlank
        @Pattern(regexp = "^[^\\\\/:*?\"<>|\\x00-\\x1f\\[\\];=+,]{1,80}$", message = "must be 1-80 characters without \\ / : * ? \" < > | [ ] ; = + ,")
        private String name;

        @NotNull
        private Path path;

        private boolean readOnly = false;

        /** Per-share encryption; empty means the server setting. */
        private Encryption encryption;

        /**
         * Who may connect; empty means every authenticated user. {@code alice}: the local user;
         * {@code EXAMPLE\alice} or {@code alice@example.test}: the domain user; {@code +EXAMPLE\group}
         * (or {@code @...}): members of a domain group; {@code +group}: members of a host group;
         * {@code S-1-5-...}: that user or group SID. Checked when start-up parses the shares.
         */
        private List<@NotBlank String> validUsers = new ArrayList<>();

        private String comment = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public boolean isReadOnly() {
            return readOnly;
        }

        public void setReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
        }

        public Encryption getEncryption() {
            return encryption;
        }

        public void setEncryption(Encryption encryption) {
            this.encryption = encryption;
        }

        public List<String> getValidUsers() {
            return validUsers;
        }

        public void setValidUsers(List<String> validUsers) {
            this.validUsers = validUsers;
        }

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }
}
