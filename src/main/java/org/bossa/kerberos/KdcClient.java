package org.bossa.kerberos;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * A Kerberos client for one realm, configured in code ({@link KdcConfig}): AS exchanges with a
 * password or with keys, TGS exchanges, an AS exchange straight for a service (kadmin/changepw
 * wants an initial ticket), and the salt the KDC uses for an account. Built on Kerby's ASN.1 types
 * and crypto, not on its KrbClient (see package-info). Thread-safe; holds no credentials.
 *
 * <p>Principals are written {@code name[/instance][@REALM]}; without a realm, the configured one.
 */
public final class KdcClient {
    private final KdcConfig config;
    private final Clock clock;
    private final AsExchange as;
    private final TgsExchange tgs;

    public KdcClient(KdcConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With a clock other than the system's: tests use a shifted clock to provoke KRB_AP_ERR_SKEW. */
    public KdcClient(KdcConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        KdcTransport transport = new KdcTransport(config.kdcs(), config.timeout());
        SecureRandom random = new SecureRandom();
        this.as = new AsExchange(config, transport, clock, random);
        this.tgs = new TgsExchange(config, transport, clock, random);
    }

    public KdcConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** A TGT for {@code principal} with its password. The caller keeps and wipes the char[]. */
    public Tgt asExchange(String principal, char[] password) throws KerberosException {
        return (Tgt) as.run(name(principal), KerberosName.krbtgt(config.realm()), new ClientKeys.Password(password));
    }

    /** A TGT for {@code principal} with long-term keys (from a keytab); the KDC's preferred type is used. */
    public Tgt asExchange(String principal, List<EncryptionKey> keys) throws KerberosException {
        return (Tgt) as.run(name(principal), KerberosName.krbtgt(config.realm()), new ClientKeys.Keys(List.copyOf(keys)));
    }

    /**
     * An initial ticket for {@code servicePrincipal} straight from the AS exchange, with the INITIAL
     * flag: kadmin/changepw requires one for a password change (RFC 3244, MS-KILE 3.1.5.12).
     */
    public ServiceTicket asExchangeForService(String principal, char[] password, String servicePrincipal)
            throws KerberosException {
        KerberosTicket t = as.run(name(principal), name(servicePrincipal), new ClientKeys.Password(password));
        if (!(t instanceof ServiceTicket st)) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "asked for " + servicePrincipal
                    + " and got a ticket for " + t.server());
        }
        return st;
    }

    /** A ticket for {@code servicePrincipal} (e.g. {@code ldap/dc1.example.test}) from the TGT. */
    public ServiceTicket serviceTicket(Tgt tgt, String servicePrincipal) throws KerberosException {
        return tgs.run(tgt, name(servicePrincipal));
    }

    /**
     * The key version number the KDC currently holds for {@code principal} (e.g. {@code NAME$}): a
     * ticket for it is encrypted with its current key, and the ticket's enc-part names that key's
     * kvno (RFC 4120 5.3). AD's msDS-KeyVersionNumber gives the same number over LDAP.
     */
    public int keyVersion(Tgt tgt, String principal) throws KerberosException {
        ServiceTicket t = tgs.run(tgt, name(principal));
        int kvno = t.ticket().getEncryptedEncPart().getKvno();
        if (kvno <= 0) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "the ticket for " + principal
                    + " names no key version");
        }
        return kvno;
    }

    /**
     * The salts and types the KDC announces for {@code principal} in PA-ETYPE-INFO2 when it asks
     * for pre-authentication (for AD computers, MS-KILE 3.1.1.2's salt). Asks about AES and RC4 so
     * an account without AES keys shows as such. Needs no credentials.
     */
    public List<SaltInfo> saltInfo(String principal) throws KerberosException {
        return as.saltInfo(name(principal), List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
                EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.ARCFOUR_HMAC));
    }

    private KerberosName name(String principal) {
        return KerberosName.parse(principal, config.realm());
    }
}
