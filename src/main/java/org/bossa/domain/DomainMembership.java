package org.bossa.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this member knows about its domain after a join: the domain's names and SID, its own
 * account, the machine password (and the previous one, so tickets issued before a change still
 * decrypt), the key version, and where and when the account was made. Kept in the state store as
 * one record, so it changes atomically ({@link MembershipStore}).
 *
 * @param realm Kerberos realm, upper case
 * @param dnsDomain the domain's DNS name, lower case
 * @param netbiosDomain the domain's NetBIOS name
 * @param domainSid the domain SID, {@code S-1-5-21-...}
 * @param computer this member's names
 * @param computerDn the computer object's distinguished name
 * @param kvno the key version number of the current machine password
 * @param encryptionTypes msDS-SupportedEncryptionTypes as set on the account
 * @param machinePassword the current machine password
 * @param previousPassword the password before the last change, if any
 * @param keytab the keytab this member wrote
 * @param dcHostName the domain controller used for the join or the last password change
 * @param dcSite that DC's site, empty if unknown
 * @param joinedAt when the account was joined
 * @param passwordChangedAt when the machine password was last set
 */
public record DomainMembership(
        String realm,
        String dnsDomain,
        String netbiosDomain,
        String domainSid,
        ComputerName computer,
        String computerDn,
        int kvno,
        int encryptionTypes,
        String machinePassword,
        Optional<String> previousPassword,
        Path keytab,
        String dcHostName,
        String dcSite,
        Instant joinedAt,
        Instant passwordChangedAt) {

    public DomainMembership {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(dnsDomain, "dnsDomain");
        Objects.requireNonNull(netbiosDomain, "netbiosDomain");
        Objects.requireNonNull(domainSid, "domainSid");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(computerDn, "computerDn");
        Objects.requireNonNull(machinePassword, "machinePassword");
        Objects.requireNonNull(previousPassword, "previousPassword");
        Objects.requireNonNull(keytab, "keytab");
        Objects.requireNonNull(dcHostName, "dcHostName");
        Objects.requireNonNull(dcSite, "dcSite");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        if (kvno < 0) {
            throw new IllegalArgumentException("kvno " + kvno);
        }
    }

    /** The machine's Kerberos principal, {@code NAME$@REALM}. */
    public String machinePrincipal() {
        return computer.samAccountName() + "@" + realm;
    }

    /** This membership after a password change to {@code newPassword} at {@code newKvno}. */
    public DomainMembership withNewPassword(String newPassword, int newKvno, String dc, String site, Instant at) {
        return new DomainMembership(realm, dnsDomain, netbiosDomain, domainSid, computer, computerDn, newKvno,
                encryptionTypes, newPassword, Optional.of(machinePassword), keytab, dc, site, joinedAt, at);
    }

    /** This membership with key version {@code newKvno} (what the DC reports after a change). */
    public DomainMembership withKvno(int newKvno) {
        return new DomainMembership(realm, dnsDomain, netbiosDomain, domainSid, computer, computerDn, newKvno,
                encryptionTypes, machinePassword, previousPassword, keytab, dcHostName, dcSite, joinedAt,
                passwordChangedAt);
    }

    /** Leaves the passwords out: this record is printed in logs and errors. */
    @Override
    public String toString() {
        return "DomainMembership[" + computer.samAccountName() + " in " + realm + " (" + netbiosDomain + ", "
                + domainSid + "), kvno " + kvno + ", dc " + dcHostName + "]";
    }
}
