package org.bossa.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * This member's names in the domain: the NetBIOS name (the computer account is {@code NAME$}) and
 * the DNS host name {@code name.dns-domain}. The service principal names follow what Windows and
 * {@code net ads join} register: HOST and RestrictedKrbHost for Kerberos logons
 * to the machine, cifs for the file service, each for the short and the DNS name.
 *
 * @param netbiosName 1-15 letters, digits or '-', upper case
 * @param dnsDomain the member's DNS domain, lower case
 */
public record ComputerName(String netbiosName, String dnsDomain) {
    private static final Pattern NETBIOS = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,14}");
    private static final Pattern DNS = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*");
    private static final List<String> SERVICES = List.of("HOST", "RestrictedKrbHost", "cifs");

    public ComputerName {
        netbiosName = netbiosName == null ? "" : netbiosName.toUpperCase(Locale.ROOT);
        dnsDomain = dnsDomain == null ? "" : dnsDomain.toLowerCase(Locale.ROOT);
        if (!NETBIOS.matcher(netbiosName).matches()) {
            throw new IllegalArgumentException("NetBIOS name '" + netbiosName
                    + "' must be 1-15 letters, digits or '-', not starting with '-'");
        }
        if (dnsDomain.length() > 253 || !DNS.matcher(dnsDomain).matches()) {
            throw new IllegalArgumentException("DNS domain '" + dnsDomain + "' is not a valid DNS name");
        }
    }

    /** {@code NAME$}: the computer account's sAMAccountName and Kerberos client principal name. */
    public String samAccountName() {
        return netbiosName + "$";
    }

    /** {@code name.dns-domain}, lower case: the dNSHostName. */
    public String dnsHostName() {
        return netbiosName.toLowerCase(Locale.ROOT) + "." + dnsDomain;
    }

    /** The servicePrincipalName values, short name first for each service. */
    public List<String> servicePrincipalNames() {
        return SERVICES.stream()
                .flatMap(s -> java.util.stream.Stream.of(s + "/" + netbiosName, s + "/" + dnsHostName()))
                .toList();
    }
}
