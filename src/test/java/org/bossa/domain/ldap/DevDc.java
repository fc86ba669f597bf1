package org.bossa.domain.ldap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.client.KrbClient;
import org.apache.kerby.kerberos.kerb.client.KrbConfig;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.ticket.SgtTicket;
import org.apache.kerby.kerberos.kerb.type.ticket.TgtTicket;

/**
 * The development DC (TESTBED.md) as system properties with its defaults, and Kerberos tickets from
 * it through Apache Kerby configured with a generated krb5.conf. Until the shared LoopbackDc
 * fixture exists these ITs expect the DC to be running.
 */
final class DevDc {
    static final String HOST = System.getProperty("bossa.it.dc.host", "dc1.example.test");
    static final String KDC = System.getProperty("bossa.it.dc.kdc", "127.0.0.2");
    static final String ADDRESS = System.getProperty("bossa.it.dc.address", "127.0.0.2");
    static final String REALM = System.getProperty("bossa.it.dc.realm", "EXAMPLE.TEST");
    static final String ADMIN = System.getProperty("bossa.it.dc.admin", "Administrator");
    static final String ADMIN_PASSWORD = System.getProperty("bossa.it.dc.adminPassword", "Passw0rd!Admin");
    static final Path CA = Path.of(System.getProperty("bossa.it.dc.ca", "/work/dev-dc/private/tls/ca.pem"));

    private DevDc() {
    }

    static String baseDn() {
        StringBuilder b = new StringBuilder();
        for (String label : REALM.toLowerCase(java.util.Locale.ROOT).split("\\.")) {
            b.append(b.isEmpty() ? "" : ",").append("DC=").append(label);
        }
        return b.toString();
    }

    /** A Kerby client whose only enctype is {@code etype}, so the session key is of that type. */
    static KrbClient kerby(EncryptionType etype) throws IOException, KrbException {
        Path conf = Files.createTempFile("bossa-krb5", ".conf");
        try {
            String name = etype.getName();
            Files.writeString(conf, """
                    [libdefaults]
                      default_realm = %s
                      dns_lookup_kdc = false
                      permitted_enctypes = %s
                      default_tgs_enctypes = %s
                      default_tkt_enctypes = %s
                    [realms]
                      %s = {
                        kdc = %s
                      }
                    """.formatted(REALM, name, name, name, REALM, KDC));
            KrbConfig config = new KrbConfig();
            config.addKrb5Config(conf.toFile());
            KrbClient client = new KrbClient(config);
            client.setKdcRealm(REALM);
            client.setKdcHost(KDC);
            client.setKdcTcpPort(88);
            client.setAllowUdp(false);
            client.setTimeout(10_000);
            client.init();
            return client;
        } finally {
            Files.deleteIfExists(conf);
        }
    }

    static TgtTicket tgt(EncryptionType etype, String user, String password) throws IOException, KrbException {
        return kerby(etype).requestTgt(user + "@" + REALM, password);
    }

    /** A service ticket for ldap/&lt;dc host&gt; as the administrator. */
    static SgtTicket ldapTicket(EncryptionType etype) throws IOException, KrbException {
        KrbClient client = kerby(etype);
        TgtTicket tgt = client.requestTgt(ADMIN + "@" + REALM, ADMIN_PASSWORD);
        return client.requestSgt(tgt, "ldap/" + HOST + "@" + REALM);
    }
}
