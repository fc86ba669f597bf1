package org.bossa.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bossa.app.BossaProperties;
import org.bossa.app.DomainProperties;
import org.bossa.app.HostNames;
import org.bossa.domain.ComputerName;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.DomainSettings.LdapProtection;
import picocli.CommandLine.Option;

/**
 * The domain settings every domain command accepts; each overrides its {@code bossa.domain.*}
 * key. After a join, the stored membership supplies what neither names (realm, names, keytab).
 */
public final class DomainOptions {
    @Option(names = "--realm", paramLabel = "REALM", description = "Kerberos realm, e.g. EXAMPLE.TEST (bossa.domain.realm).")
    String realm;

    @Option(names = "--workgroup", paramLabel = "NAME", description = "NetBIOS domain name (bossa.domain.workgroup); default: asked from the DC.")
    String workgroup;

    @Option(names = "--netbios-name", paramLabel = "NAME", description = "This computer's account name without '$' (bossa.domain.netbios-name); default: the host name.")
    String netbiosName;

    @Option(names = "--dns-name", paramLabel = "DOMAIN", description = "This computer's DNS domain (bossa.domain.dns-name); default: the realm in lower case.")
    String dnsName;

    @Option(names = "--controllers", split = ",", paramLabel = "DC", description = "Domain controllers to use, in order (bossa.domain.controllers); default: DNS discovery.")
    List<String> controllers;

    @Option(names = "--dns-servers", split = ",", paramLabel = "IP[:PORT]", description = "DNS servers for DC discovery (bossa.domain.dns-servers); default: the system resolver.")
    List<String> dnsServers;

    @Option(names = "--keytab", paramLabel = "FILE", description = "Machine keytab (bossa.domain.keytab); default: <state-dir>/krb5.keytab.")
    Path keytab;

    @Option(names = "--ldap", paramLabel = "sasl|ldaps|starttls", description = "LDAP protection (bossa.domain.ldap); default: sasl (GSSAPI, sealed).")
    String ldap;

    @Option(names = "--ldap-ca-file", paramLabel = "PEM", description = "CA certificates for ldaps/starttls (bossa.domain.ldap-ca-file).")
    Path ldapCaFile;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (bossa.state-dir, $BOSSA_STATE_DIR).")
    Path stateDir;

    /** The state directory: the option, else $BOSSA_STATE_DIR, else bossa.state-dir. */
    Path stateDir(BossaProperties props) {
        if (stateDir != null) {
            return stateDir;
        }
        String env = System.getenv(StateDirs.ENV);
        return env != null && !env.isBlank() ? Path.of(env) : props.getStateDir();
    }

    /** The settings from {@code bossa.*} and the stored membership alone (for {@code serve}). */
    public static DomainSettings fromProperties(BossaProperties props, Optional<DomainMembership> joined) {
        return new DomainOptions().resolve(props, joined);
    }

    /** Options over settings over the stored membership over defaults. */
    DomainSettings resolve(BossaProperties props, Optional<DomainMembership> joined) {
        DomainProperties d = props.getDomain();
        String r = first(realm, d.getRealm(), joined.map(DomainMembership::realm).orElse(""));
        String name = first(netbiosName, d.getNetbiosName(), props.getNetbiosName(),
                joined.map(m -> m.computer().netbiosName()).orElse(""));
        if (name.isEmpty()) {
            name = HostNames.defaultNetbiosName();
        }
        String dns = first(dnsName, d.getDnsName(), joined.map(m -> m.computer().dnsDomain()).orElse(""),
                r.toLowerCase(Locale.ROOT));
        String wg = first(workgroup, d.getWorkgroup(), "");
        Path kt = keytab != null ? keytab
                : d.getKeytab() != null ? d.getKeytab()
                : joined.map(DomainMembership::keytab).orElse(stateDir(props).resolve("krb5.keytab"));
        LdapProtection protection = ldap != null ? parse(ldap) : d.getLdap();
        Path ca = ldapCaFile != null ? ldapCaFile : d.getLdapCaFile();
        ComputerName computer;
        try {
            computer = new ComputerName(name, dns);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return new DomainSettings(r, wg.isEmpty() ? Optional.empty() : Optional.of(wg.toUpperCase(Locale.ROOT)),
                computer, controllers != null ? controllers : d.getControllers(),
                dnsServers != null ? dnsServers : d.getDnsServers(), kt.toAbsolutePath(), protection,
                Optional.ofNullable(ca), d.isAllowRc4(),
                joined.map(DomainMembership::dcHostName));
    }

    private static LdapProtection parse(String value) {
        try {
            return LdapProtection.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--ldap must be sasl, ldaps or starttls, not '" + value + "'");
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }
}
