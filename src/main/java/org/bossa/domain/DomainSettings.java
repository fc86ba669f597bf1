package org.bossa.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bossa.domain.locator.LocatorConfig;

/**
 * The settings every domain operation starts from ({@code bossa.domain.*}, overridden by command-line
 * options), already resolved: no empty strings, defaults applied.
 *
 * @param realm the Kerberos realm, upper case
 * @param workgroup the NetBIOS domain name if configured (else learned from the DC)
 * @param computer this member's names
 * @param controllers DCs to use in order (host names or addresses); empty: discover by DNS
 * @param dnsServers DNS servers for discovery ({@code ip} or {@code ip:port}); empty: system resolver
 * @param keytab where the machine keytab goes
 * @param ldap how LDAP is protected
 * @param ldapCaFile the CA certificates (PEM) for ldaps and starttls
 * @param allowRc4 whether RC4-HMAC keys are allowed beside AES
 * @param lastDc the DC this member last used (from its stored membership), tried when discovery
 *     fails, as winbindd falls back to its cached DC
 */
public record DomainSettings(String realm, Optional<String> workgroup, ComputerName computer, List<String> controllers,
        List<String> dnsServers, Path keytab, LdapProtection ldap, Optional<Path> ldapCaFile, boolean allowRc4,
        Optional<String> lastDc) {

    /** How LDAP traffic to the DC is protected; never a plain simple bind. */
    public enum LdapProtection {
        /** SASL GSSAPI (Kerberos) with sealing: works against every AD DC. */
        SASL,
        /** LDAP over TLS on port 636, the DC's certificate checked against the configured CA. */
        LDAPS,
        /** StartTLS on port 389, the DC's certificate checked against the configured CA. */
        STARTTLS
    }

    public DomainSettings {
        Objects.requireNonNull(realm, "realm");
        if (realm.isBlank()) {
            throw new DomainException(DomainException.Cause.CONFIGURATION,
                    "no realm: set bossa.domain.realm or give --realm");
        }
        realm = realm.toUpperCase(Locale.ROOT);
        controllers = List.copyOf(controllers);
        dnsServers = List.copyOf(dnsServers);
        locatorConfig(controllers, dnsServers);
        Objects.requireNonNull(keytab, "keytab");
        Objects.requireNonNull(ldap, "ldap");
        Objects.requireNonNull(lastDc, "lastDc");
        if (ldap != LdapProtection.SASL && ldapCaFile.isEmpty()) {
            throw new DomainException(DomainException.Cause.CONFIGURATION,
                    "bossa.domain.ldap=" + ldap.name().toLowerCase(Locale.ROOT)
                            + " needs bossa.domain.ldap-ca-file (the CA that signs the DCs' certificates)");
        }
    }

    /** How the DC locator finds this domain's DCs: the configured DCs and DNS servers, default time limits. */
    public LocatorConfig locatorConfig() {
        return locatorConfig(controllers, dnsServers);
    }

    private static LocatorConfig locatorConfig(List<String> controllers, List<String> dnsServers) {
        try {
            return LocatorConfig.defaults().withControllers(controllers).withDnsServers(dnsServers);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Cause.CONFIGURATION,
                    "bad bossa.domain.controllers or bossa.domain.dns-servers: " + e.getMessage(), e);
        }
    }

    /** The domain's DNS name: the realm in lower case. */
    public String dnsDomain() {
        return realm.toLowerCase(Locale.ROOT);
    }

    /** msDS-SupportedEncryptionTypes for the account: AES128 and AES256, plus RC4 only when allowed. */
    public int encryptionTypes() {
        return ComputerAccount.AES128 | ComputerAccount.AES256 | (allowRc4 ? ComputerAccount.RC4 : 0);
    }
}
