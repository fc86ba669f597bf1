package org.bossa.domain;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bossa.dtyp.Sid;

/**
 * Computer objects in Active Directory over an authenticated, sealed (or TLS) LDAP connection:
 * reading the domain, finding, creating, taking over, disabling and deleting this member's account,
 * and setting its password through {@code unicodePwd} (MS-ADTS 3.1.1.3.1.5: the DC accepts it only
 * on a confidential connection). Directory refusals become {@link DomainException}s naming the
 * object and the DC's reason.
 */
public final class ComputerAccounts {
    /** The well-known GUID of the Computers container (MS-ADTS 6.1.1.4, GUID_COMPUTERS_CONTAINER_W). */
    private static final String COMPUTERS_WKGUID = "aa312825768811d1aded00c04fd8d5cd";
    private static final String[] ACCOUNT_ATTRIBUTES = {"sAMAccountName", "userAccountControl",
        "msDS-KeyVersionNumber", "dNSHostName", "servicePrincipalName", "msDS-SupportedEncryptionTypes"};
    private static final String OS_NAME = "Bossa";
    private static final String OS_VERSION = "0.1";

    private final LDAPInterface ldap;

    public ComputerAccounts(LDAPInterface ldap) {
        this.ldap = Objects.requireNonNull(ldap);
    }

    /** Reads the domain's naming context, SID, NetBIOS name and Computers container from the DC. */
    public DirectoryDomain readDomain() {
        try {
            com.unboundid.ldap.sdk.Entry root = ldap.getRootDSE();
            if (root == null) {
                throw new DomainException(DomainException.Cause.PROTOCOL, "the DC returned no rootDSE");
            }
            String domainDn = required(root, "defaultNamingContext", "rootDSE");
            String configDn = required(root, "configurationNamingContext", "rootDSE");
            String dcHost = Optional.ofNullable(root.getAttributeValue("dnsHostName")).orElse("");
            SearchResultEntry domain = ldap.getEntry(domainDn, "objectSid");
            if (domain == null || domain.getAttributeValueBytes("objectSid") == null) {
                throw new DomainException(DomainException.Cause.PROTOCOL, "cannot read objectSid of " + domainDn);
            }
            String sid = Sid.decode(domain.getAttributeValueBytes("objectSid")).toString();
            SearchResultEntry crossRef = ldap.searchForEntry("CN=Partitions," + configDn, SearchScope.ONE,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "crossRef"),
                            Filter.createEqualityFilter("nCName", domainDn)),
                    "nETBIOSName", "dnsRoot");
            if (crossRef == null || crossRef.getAttributeValue("nETBIOSName") == null) {
                throw new DomainException(DomainException.Cause.PROTOCOL,
                        "cannot read the NetBIOS name of " + domainDn + " from CN=Partitions");
            }
            String dnsDomain = Optional.ofNullable(crossRef.getAttributeValue("dnsRoot")).orElse(dnsOf(domainDn));
            SearchResultEntry computers = ldap.getEntry("<WKGUID=" + COMPUTERS_WKGUID + "," + domainDn + ">", "1.1");
            String container = computers != null ? computers.getDN() : "CN=Computers," + domainDn;
            return new DirectoryDomain(domainDn, dnsDomain.toLowerCase(java.util.Locale.ROOT),
                    crossRef.getAttributeValue("nETBIOSName"), sid, container, dcHost);
        } catch (LDAPException e) {
            throw failure("read the domain", "", e);
        }
    }

    /** The computer account named {@code samAccountName} anywhere in the domain. */
    public Optional<ComputerAccount> find(DirectoryDomain domain, String samAccountName) {
        try {
            SearchResultEntry e = ldap.searchForEntry(domain.domainDn(), SearchScope.SUB,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "computer"),
                            Filter.createEqualityFilter("sAMAccountName", samAccountName)),
                    ACCOUNT_ATTRIBUTES);
            return Optional.ofNullable(e).map(ComputerAccounts::account);
        } catch (LDAPException e) {
            throw failure("look up " + samAccountName, "", e);
        }
    }

    /** Reads the account at {@code dn}. */
    public ComputerAccount read(String dn) {
        try {
            SearchResultEntry e = ldap.getEntry(dn, ACCOUNT_ATTRIBUTES);
            if (e == null) {
                throw new DomainException(DomainException.Cause.NO_SUCH_OBJECT, "computer object " + dn + " not found");
            }
            return account(e);
        } catch (LDAPException e) {
            throw failure("read", dn, e);
        }
    }

    /**
     * Creates the computer object {@code CN=NAME,<container>} with its attributes and password in one
     * add, so no half-made account is ever visible; returns its DN.
     */
    public String create(ComputerName name, String container, char[] password, int encryptionTypes) {
        String dn = new com.unboundid.ldap.sdk.RDN("CN", name.netbiosName()) + "," + container;
        List<Attribute> attrs = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user", "computer"),
                new Attribute("sAMAccountName", name.samAccountName()),
                new Attribute("userAccountControl", Integer.toString(ComputerAccount.WORKSTATION_TRUST_ACCOUNT))));
        attrs.addAll(descriptive(name, encryptionTypes).stream().map(m -> new Attribute(m.getAttributeName(),
                m.getValues())).toList());
        attrs.add(new Attribute("unicodePwd", unicodePwd(password)));
        try {
            ldap.add(dn, attrs);
            return dn;
        } catch (LDAPException e) {
            throw failure("create computer object", dn, e);
        }
    }

    /**
     * Takes over an existing account ({@code --force}): resets its password, rewrites its names,
     * SPNs and encryption types, and enables it as a workstation trust account.
     */
    public void takeOver(ComputerAccount existing, ComputerName name, char[] password, int encryptionTypes) {
        List<Modification> mods = new ArrayList<>(descriptive(name, encryptionTypes));
        int uac = (existing.userAccountControl() & ~ComputerAccount.ACCOUNT_DISABLE)
                | ComputerAccount.WORKSTATION_TRUST_ACCOUNT;
        mods.add(new Modification(ModificationType.REPLACE, "userAccountControl", Integer.toString(uac)));
        mods.add(new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(password)));
        modify(existing.dn(), mods, "take over computer object");
    }

    /** Sets the account's password (an administrator's reset). */
    public void setPassword(String dn, char[] password) {
        modify(dn, List.of(new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(password))),
                "set the password of");
    }

    /** Disables the account (leave with {@code --keep-account}). */
    public void disable(ComputerAccount account) {
        modify(account.dn(), List.of(new Modification(ModificationType.REPLACE, "userAccountControl",
                Integer.toString(account.userAccountControl() | ComputerAccount.ACCOUNT_DISABLE))), "disable");
    }

    /** Deletes the account with anything below it. */
    public void delete(String dn) {
        try {
            DeleteRequest request = new DeleteRequest(dn);
            request.addControl(new SubtreeDeleteRequestControl(true));
            ldap.delete(request);
        } catch (LDAPException e) {
            throw failure("delete computer object", dn, e);
        }
    }

    private void modify(String dn, List<Modification> mods, String what) {
        try {
            ldap.modify(dn, mods);
        } catch (LDAPException e) {
            throw failure(what, dn, e);
        }
    }

    private static List<Modification> descriptive(ComputerName name, int encryptionTypes) {
        return List.of(
                new Modification(ModificationType.REPLACE, "dNSHostName", name.dnsHostName()),
                new Modification(ModificationType.REPLACE, "servicePrincipalName",
                        name.servicePrincipalNames().toArray(String[]::new)),
                new Modification(ModificationType.REPLACE, "msDS-SupportedEncryptionTypes",
                        Integer.toString(encryptionTypes)),
                new Modification(ModificationType.REPLACE, "operatingSystem", OS_NAME),
                new Modification(ModificationType.REPLACE, "operatingSystemVersion", OS_VERSION));
    }

    /** MS-ADTS 3.1.1.3.1.5.1: the password in double quotes, UTF-16LE. */
    static byte[] unicodePwd(char[] password) {
        char[] quoted = new char[password.length + 2];
        quoted[0] = '"';
        System.arraycopy(password, 0, quoted, 1, password.length);
        quoted[quoted.length - 1] = '"';
        java.nio.ByteBuffer bb = StandardCharsets.UTF_16LE.encode(java.nio.CharBuffer.wrap(quoted));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        Arrays.fill(quoted, '\0');
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    private static ComputerAccount account(SearchResultEntry e) {
        String[] spns = e.getAttributeValues("servicePrincipalName");
        return new ComputerAccount(e.getDN(), Optional.ofNullable(e.getAttributeValue("sAMAccountName")).orElse(""),
                intValue(e, "userAccountControl"), intValue(e, "msDS-KeyVersionNumber"),
                Optional.ofNullable(e.getAttributeValue("dNSHostName")).orElse(""),
                spns == null ? List.of() : List.of(spns), intValue(e, "msDS-SupportedEncryptionTypes"));
    }

    private static int intValue(SearchResultEntry e, String attribute) {
        Integer v = e.getAttributeValueAsInteger(attribute);
        return v == null ? 0 : v;
    }

    private static String required(com.unboundid.ldap.sdk.Entry e, String attribute, String where) {
        String v = e.getAttributeValue(attribute);
        if (v == null) {
            throw new DomainException(DomainException.Cause.PROTOCOL, "the DC's " + where + " has no " + attribute);
        }
        return v;
    }

    private static String dnsOf(String domainDn) {
        try {
            return Arrays.stream(new DN(domainDn).getRDNs()).map(r -> r.getAttributeValues()[0])
                    .reduce((a, b) -> a + "." + b).orElse("");
        } catch (LDAPException e) {
            return "";
        }
    }

    /** Names what the DC refused and why, in one line. */
    static DomainException failure(String what, String dn, LDAPException e) {
        ResultCode rc = e.getResultCode();
        String target = dn.isEmpty() ? "" : " " + dn;
        String reason = rc.getName() + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage().trim() + ")");
        DomainException.Cause cause;
        String message;
        if (rc == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            cause = DomainException.Cause.ACCESS_DENIED;
            message = "no right to " + what + target + ": " + reason;
        } else if (rc == ResultCode.NO_SUCH_OBJECT) {
            cause = DomainException.Cause.NO_SUCH_OBJECT;
            message = "cannot " + what + target + ": the parent or the object does not exist (" + rc.getName() + ")";
        } else if (rc == ResultCode.ENTRY_ALREADY_EXISTS) {
            cause = DomainException.Cause.ACCOUNT_EXISTS;
            message = "cannot " + what + target + ": an object of that name already exists";
        } else if (rc == ResultCode.SERVER_DOWN || rc == ResultCode.CONNECT_ERROR || rc == ResultCode.TIMEOUT) {
            cause = DomainException.Cause.DC_UNREACHABLE;
            message = "lost the DC while trying to " + what + target + ": " + reason;
        } else {
            cause = DomainException.Cause.PROTOCOL;
            message = "cannot " + what + target + ": " + reason;
        }
        return new DomainException(cause, message.replaceAll("[\\r\\n]+", " "), e);
    }
}
