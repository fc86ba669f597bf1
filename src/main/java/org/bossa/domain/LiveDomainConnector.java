package org.bossa.domain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.domain.locator.DomainController;
import org.bossa.domain.locator.LocatorException;
import org.bossa.domain.locator.Requirement;
import org.bossa.kerberos.KdcAddress;
import org.bossa.kerberos.KdcClient;
import org.bossa.kerberos.KdcConfig;
import org.bossa.kerberos.KerberosFailure;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.SaltInfo;
import org.bossa.kerberos.Salts;
import org.bossa.kerberos.ServiceTicket;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.bossa.kerberos.kpasswd.KpasswdException;

/**
 * The domain operations' connection to real DCs: the DC locator (DNS SRV and CLDAP ping, or the
 * configured DCs), Kerberos with our own KDC client on that DC, LDAP through
 * {@link DirectoryConnections}, kpasswd for password changes, and the keytab.
 */
public final class LiveDomainConnector implements DomainConnector {
    private final Clock clock;

    public LiveDomainConnector() {
        this(Clock.systemUTC());
    }

    public LiveDomainConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DirectorySession openDirectory(DomainSettings s, String principal, char[] password) {
        DomainController dc = locate(s);
        return DirectoryConnections.open(s, dc, kdc(s, dc), principal, password);
    }

    @Override
    public String login(DomainSettings s, DomainController dc, String principal, char[] password) {
        KdcClient kdc = kdc(s, dc);
        try {
            kdc.asExchange(principal, password);
            List<SaltInfo> salts = kdc.saltInfo(principal);
            return salts.stream().filter(i -> i.etype() == EncryptionType.AES256_CTS_HMAC_SHA1_96
                            || i.etype() == EncryptionType.AES128_CTS_HMAC_SHA1_96)
                    .map(SaltInfo::salt).findFirst()
                    .orElseGet(() -> Salts.computer(s.realm(), s.computer().samAccountName(), s.computer().dnsDomain()));
        } catch (KerberosException e) {
            throw KerberosFailures.of("Kerberos logon as " + principal + " at " + dc.hostName(), e);
        }
    }

    @Override
    public void writeKeytab(Path keytab, DomainSettings s, String salt, char[] password, int kvno,
            Optional<PreviousKey> previous) {
        MachineKeytab.write(keytab, s, salt, password, kvno, previous);
    }

    @Override
    public OptionalInt newestKvno(Path keytab, String principal) {
        int at = principal.lastIndexOf('@');
        return MachineKeytab.newestKvno(keytab, at < 0 ? principal : principal.substring(0, at),
                at < 0 ? "" : principal.substring(at + 1));
    }

    @Override
    public void changeOwnPassword(DomainSettings s, DomainController dc, String principal, char[] current,
            char[] next) {
        KdcConfig config = kdcConfig(s, dc);
        try {
            ServiceTicket initial = new KdcClient(config, clock).asExchangeForService(principal, current,
                    "kadmin/changepw");
            KpasswdClient.forRealm(config, clock).changePassword(initial, next);
        } catch (KerberosException e) {
            throw KerberosFailures.of("password change for " + principal + " at " + dc.hostName(), e);
        } catch (KpasswdException e) {
            throw KerberosFailures.of("password change for " + principal + " at " + dc.hostName(), e);
        }
    }

    @Override
    public String secureChannel(DomainSettings s, DomainMembership m) {
        try (NetlogonChannels channels = new NetlogonChannels(s, () -> m, clock, 1)) {
            channels.channel();
            return SecureChannelReport.format(channels.status()).replace("\n", "; ");
        } catch (org.bossa.rpc.netlogon.NetlogonException e) {
            throw new DomainException(e.reason() == org.bossa.rpc.netlogon.NetlogonException.Cause.UNREACHABLE
                    ? DomainException.Cause.DC_UNREACHABLE : DomainException.Cause.MACHINE_ACCOUNT_BROKEN,
                    e.getMessage(), e);
        }
    }

    /**
     * A user's own logon with a password (pam_winbind's plaintext authentication): an AS exchange
     * with a KDC of the domain for a service ticket to {@code servicePrincipal} (this member), which
     * the caller checks with its keytab, so a forged KDC answer cannot log a user on.
     */
    public ServiceTicket userServiceTicket(DomainSettings s, String principal, char[] password, String servicePrincipal)
            throws KerberosException {
        DomainController dc;
        try {
            dc = DomainControllers.locate(s, s.dnsDomain(), EnumSet.of(Requirement.KDC));
        } catch (LocatorException e) {
            throw new KerberosException(KerberosFailure.KDC_UNREACHABLE, e.getMessage());
        }
        return new KdcClient(kdcConfig(s, dc), clock).asExchangeForService(principal, password, servicePrincipal);
    }

    /** A writable KDC-running DC for the realm. */
    private static DomainController locate(DomainSettings s) {
        try {
            return DomainControllers.locate(s, s.dnsDomain(), EnumSet.of(Requirement.WRITABLE, Requirement.KDC));
        } catch (LocatorException e) {
            throw new DomainException(DomainException.Cause.DC_UNREACHABLE, e.getMessage(), e);
        }
    }

    private KdcClient kdc(DomainSettings s, DomainController dc) {
        return new KdcClient(kdcConfig(s, dc), clock);
    }

    /** The KDC on the DC the locator chose, by address (the name may not resolve through the system). */
    private static KdcConfig kdcConfig(DomainSettings s, DomainController dc) {
        return new KdcConfig(s.realm(), List.of(new KdcAddress(dc.address().getHostAddress(), KdcAddress.KERBEROS_PORT)),
                KdcConfig.DEFAULT_TIMEOUT, s.allowRc4());
    }
}
