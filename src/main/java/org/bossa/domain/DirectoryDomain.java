package org.bossa.domain;

/**
 * The domain as its directory describes it.
 *
 * @param domainDn the domain's naming context, e.g. {@code DC=example,DC=test}
 * @param dnsDomain the domain's DNS name, lower case
 * @param netbiosDomain the domain's NetBIOS name, from its crossRef in the Partitions container
 * @param domainSid the domain SID
 * @param computersContainer where computers go when no OU is named (the well-known Computers
 *     container, which administrators may redirect)
 * @param dcHostName the DNS name of the DC answering
 */
public record DirectoryDomain(String domainDn, String dnsDomain, String netbiosDomain, String domainSid,
        String computersContainer, String dcHostName) {
}
