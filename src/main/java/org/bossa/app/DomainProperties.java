package org.bossa.app;

import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bossa.domain.DomainSettings.LdapProtection;

/**
 * {@code bossa.domain.*}: the Active Directory domain this server is a member of. Empty values mean
 * "not configured"; the join, leave, testjoin, info and changetrustpw commands take the same
 * settings as options, which override these.
 */
public class DomainProperties {

    /** Kerberos realm, e.g. EXAMPLE.TEST (the DNS domain in upper case). */
    private String realm = "";

    /** NetBIOS name of the domain, e.g. EXAMPLE; empty: learned from the DC at join. */
    @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9-]{0,14}$", message = "must be 1-15 letters, digits or '-'")
    private String workgroup = "";

    /** This member's computer account name without '$' (1-15 characters); empty: bossa.netbios-name, else the host name. */
    @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9-]{0,14}$", message = "must be 1-15 letters, digits or '-'")
    private String netbiosName = "";

    /** This member's DNS domain (for dNSHostName and SPNs); empty: the realm in lower case. */
    private String dnsName = "";

    /** Domain controllers to use, host names or addresses, in order; empty: discover by DNS SRV. */
    private List<String> controllers = new ArrayList<>();

    /** DNS servers for SRV discovery (address or address:port); empty: the system resolver. */
    private List<String> dnsServers = new ArrayList<>();

    /** The machine keytab; empty: {@code <state-dir>/krb5.keytab}. */
    private Path keytab;

    /** How LDAP is protected: sasl (GSSAPI with sealing), ldaps, or starttls. */
    private LdapProtection ldap = LdapProtection.SASL;

    /** CA certificates (PEM) that sign the DCs' LDAP certificates; needed for ldaps and starttls. */
    private Path ldapCaFile;

    /**
     * POSIX ids for the domain's users and groups: id = RID + low (Samba's rid backend with base
     * RID 0), e.g. alice (RID 1103) is uid 11103 with the default, as on a Samba member with
     * {@code idmap config DOMAIN : backend = rid} and {@code range = 10000-999999}.
     */
    @jakarta.validation.constraints.Pattern(regexp = "^\\d{1,10}-\\d{1,10}$", message = "must be LOW-HIGH, e.g. 10000-999999")
    private String idmapRange = "10000-999999";

    /**
     * How old the machine password may grow before {@code serve} changes it (Samba's
     * {@code machine password timeout}); 0 turns automatic changes off.
     */
    private java.time.Duration machinePasswordTimeout = java.time.Duration.ofDays(30);

    /** Allows RC4-HMAC Kerberos keys (off: AES only, as CVE-2022-37966 hardening expects). */
    private boolean allowRc4 = false;

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public String getWorkgroup() {
        return workgroup;
    }

    public void setWorkgroup(String workgroup) {
        this.workgroup = workgroup;
    }

    public String getNetbiosName() {
        return netbiosName;
    }

    public void setNetbiosName(String netbiosName) {
        this.netbiosName = netbiosName;
    }

    public String getDnsName() {
        return dnsName;
    }

    public void setDnsName(String dnsName) {
        this.dnsName = dnsName;
    }

    public List<String> getControllers() {
        return controllers;
    }

    public void setControllers(List<String> controllers) {
        this.controllers = controllers;
    }

    public List<String> getDnsServers() {
        return dnsServers;
    }

    public void setDnsServers(List<String> dnsServers) {
        this.dnsServers = dnsServers;
    }

    public Path getKeytab() {
        return keytab;
    }

    public void setKeytab(Path keytab) {
        this.keytab = keytab;
    }

    public LdapProtection getLdap() {
        return ldap;
    }

    public void setLdap(LdapProtection ldap) {
        this.ldap = ldap;
    }

    public Path getLdapCaFile() {
        return ldapCaFile;
    }

    public void setLdapCaFile(Path ldapCaFile) {
        this.ldapCaFile = ldapCaFile;
    }

    public String getIdmapRange() {
        return idmapRange;
    }

    public void setIdmapRange(String idmapRange) {
        this.idmapRange = idmapRange;
    }

    public java.time.Duration getMachinePasswordTimeout() {
        return machinePasswordTimeout;
    }

    public void setMachinePasswordTimeout(java.time.Duration machinePasswordTimeout) {
        this.machinePasswordTimeout = machinePasswordTimeout;
    }

    public boolean isAllowRc4() {
        return allowRc4;
    }

    public void setAllowRc4(boolean allowRc4) {
        this.allowRc4 = allowRc4;
    }
}
