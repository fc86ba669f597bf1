package org.bossa.auth.kerberos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.kerberos.pac.TestPacBuilder;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.gss.InitiatorTicket;

/**
 * A realm for tests outside this package (the SMB server's Kerberos logons): the machine keytab of
 * {@code FILESRV} in EXAMPLE.TEST, tickets for alice carrying a PAC the test builds (signed with the
 * machine key, so the server's checks pass unless the test tampers), and the acceptor a server
 * would build over that keytab.
 */
public final class TestKerberosRealm {
    /** The service the tickets are for (in the keytab, with host/ and the other SPNs). */
    public static final KerberosName CIFS = TestRealm.CIFS;
    public static final String REALM = TestRealm.REALM;
    private static final long KVNO = 2;

    private final TestRealm realm = new TestRealm();
    private final Path keytab;

    /** Writes the machine keytab (kvno 2, AES and RC4 keys of every SPN) to {@code keytab}. */
    public TestKerberosRealm(Path keytab) throws Exception {
        this.keytab = keytab;
        realm.writeKeytab(keytab, KVNO);
    }

    /** The key the KDC encrypts AES256 tickets with, which also signs their PAC's server checksum. */
    public EncryptionKey serviceKey() {
        return realm.machineKey(KVNO, EncryptionType.AES256_CTS_HMAC_SHA1_96);
    }

    /** A PAC builder for alice whose server checksum is made with {@link #serviceKey()}. */
    public TestPacBuilder pac(Instant authTime) {
        return new TestPacBuilder(serviceKey()).account("alice").clientName("alice").authTime(authTime);
    }

    /** An AES256 ticket for alice to cifs/filesrv.example.test, valid from {@code authTime} to {@code endTime}. */
    public InitiatorTicket ticket(byte[] pac, Instant authTime, Instant endTime) throws Exception {
        TestRealm.Spec spec = new TestRealm.Spec();
        spec.authTime = authTime;
        spec.endTime = endTime;
        spec.authorizationData = pac == null ? null : TestRealm.ifRelevant(TestRealm.pac(pac));
        return realm.issue(spec);
    }

    /** The acceptor a member builds over this realm's keytab, on the system clock. */
    public Krb5Acceptor acceptor() {
        return new Krb5Acceptor(new KeytabServiceKeys(keytab), new ReplayCache(ReplayCache.DEFAULT_MAX_ENTRIES),
                AcceptorPolicy.defaults(), Clock.systemUTC(), new SecureRandom());
    }
}
