package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import jcifs.CIFSContext;
import jcifs.CIFSException;
import jcifs.config.PropertyConfiguration;
import jcifs.context.BaseContext;
import jcifs.smb.JAASAuthenticator;
import jcifs.smb.SmbFile;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java client's Kerberos logon: jcifs-ng in this JVM, its Kerberos through the JDK's JGSS (a TGT
 * from JAAS's Krb5LoginModule with alice's password, then a service ticket for
 * {@code cifs/bossa.REALM}), with signing enforced, so the session key both sides derive from the
 * ticket must agree.
 *
 * <p>JGSS reads its krb5.conf from the JVM-wide {@code java.security.krb5.conf} property once, on
 * first use, and keeps it; this class sets the property to the DC's krb5.conf and puts the old value
 * back at the end. It is a class of its own because nothing else in the test JVM uses JGSS, so the
 * first use is here and no other test depends on the setting.
 */
@ExtendWith(LoopbackDc.class)
class JcifsKerberosIT {
    private static final String KRB5_CONF = "java.security.krb5.conf";
    private static MemberServer member;
    private static DcInfo dc;
    private static String previousKrb5Conf;

    @BeforeAll
    static void joinAndServe(DcInfo info) throws Exception {
        dc = info;
        previousKrb5Conf = System.setProperty(KRB5_CONF, dc.krb5Conf().toString());
        member = KerberosFixture.joinedMember(dc);
        member.start();
    }

    @AfterAll
    static void stopAndLeave() throws Exception {
        if (previousKrb5Conf == null) {
            System.clearProperty(KRB5_CONF);
        } else {
            System.setProperty(KRB5_CONF, previousKrb5Conf);
        }
        if (member != null) {
            member.close();
            member.leave();
        }
    }

    @Test
    void jcifsWritesAndReadsAFileOverAKerberosSession() throws Exception {
        String text = "written by jcifs-ng with a Kerberos ticket\n";
        int mark = member.logMark();
        CIFSContext ctx = kerberosContext("alice", DcInfo.ALICE_PASSWORD);
        try (SmbFile f = new SmbFile("smb://" + KerberosFixture.host(dc) + ":" + member.port + "/share/jcifs-krb.txt", ctx)) {
            try (OutputStream out = f.openOutputStream()) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream in = f.openInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
            }
        } finally {
            closeQuietly(ctx);
        }
        assertThat(Files.readString(member.share.resolve("jcifs-krb.txt"))).isEqualTo(text);
        // jcifs falls back to NTLM when the server offers no Kerberos: only a Kerberos line proves it
        AuditLine a = KerberosFixture.onlyAudit(member, mark, "kerberos");
        assertThat(a.succeeded()).as("%s", a).isTrue();
        assertThat(a.get("sid")).as("%s", a).isEqualTo(KerberosFixture.sid(dc, "alice"));
        assertThat(AuditLine.of(member.logSince(mark), "ntlm")).as("no NTLM logon").isEmpty();
    }

    /**
     * jcifs-ng with a JAAS Kerberos login of {@code user@REALM}: SMB 2.0.2 to 3.1.1, signing
     * enforced, no DFS or NetBIOS, the member addressed by its DNS name (the SPN's host).
     */
    private static CIFSContext kerberosContext(String user, String password) throws CIFSException {
        Properties p = new Properties();
        p.setProperty("jcifs.smb.client.minVersion", "SMB202");
        p.setProperty("jcifs.smb.client.maxVersion", "SMB311");
        p.setProperty("jcifs.smb.client.signingEnforced", "true");
        p.setProperty("jcifs.smb.client.dfs.disabled", "true");
        p.setProperty("jcifs.resolveOrder", "DNS");
        p.setProperty("jcifs.smb.client.responseTimeout", "15000");
        p.setProperty("jcifs.smb.client.connTimeout", "5000");
        CIFSContext base = new BaseContext(new PropertyConfiguration(p));
        // no JAAS options: Krb5LoginModule asks the authenticator for name and password
        return base.withCredentials(new JAASAuthenticator(Map.<String, Object>of(), dc.realm(), user, password));
    }

    private static void closeQuietly(CIFSContext ctx) {
        try {
            ctx.close();
        } catch (CIFSException e) {
            // the assertions already ran
        }
    }
}
