package org.bossa.it;

import java.lang.reflect.Method;
import java.util.Properties;
import jcifs.CIFSContext;
import jcifs.CIFSException;
import jcifs.DialectVersion;
import jcifs.SmbTreeHandle;
import jcifs.config.PropertyConfiguration;
import jcifs.context.BaseContext;
import jcifs.smb.NtlmPasswordAuthenticator;
import jcifs.smb.SmbFile;
import jcifs.smb.SmbSessionInternal;
import jcifs.smb.SmbTreeHandleInternal;

/** jcifs-ng contexts and URLs for a {@link TestServer}. */
final class Jcifs {
    private Jcifs() {
    }

    /** A client limited to [min, max] that never falls back to NetBIOS, DFS or SMB1. */
    static CIFSContext context(DialectVersion min, DialectVersion max, boolean signingEnforced, String user,
                               String password) {
        Properties p = new Properties();
        p.setProperty("jcifs.smb.client.minVersion", min.name());
        p.setProperty("jcifs.smb.client.maxVersion", max.name());
        p.setProperty("jcifs.smb.client.signingEnforced", Boolean.toString(signingEnforced));
        p.setProperty("jcifs.smb.client.dfs.disabled", "true");
        p.setProperty("jcifs.resolveOrder", "DNS");
        p.setProperty("jcifs.smb.client.responseTimeout", "15000");
        p.setProperty("jcifs.smb.client.soTimeout", "20000");
        p.setProperty("jcifs.smb.client.connTimeout", "5000");
        p.setProperty("jcifs.smb.client.sessionTimeout", "20000");
        try {
            return new BaseContext(new PropertyConfiguration(p))
                    .withCredentials(new NtlmPasswordAuthenticator("", user, password));
        } catch (CIFSException e) {
            throw new IllegalStateException(e);
        }
    }

    static CIFSContext alice(DialectVersion min, DialectVersion max) {
        return context(min, max, false, TestServer.ALICE, TestServer.ALICE_PASSWORD);
    }

    static String url(TestServer server, String shareAndPath) {
        return "smb://" + server.host() + ":" + server.port() + "/" + shareAndPath;
    }

    static SmbFile file(CIFSContext ctx, TestServer server, String shareAndPath) {
        try {
            return new SmbFile(url(server, shareAndPath), ctx);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The dialect the transport under {@code f} negotiated (jcifs keeps it package-private). */
    static DialectVersion negotiatedDialect(SmbFile f) throws Exception {
        try (SmbTreeHandle th = f.getTreeHandle()) {
            SmbSessionInternal session = (SmbSessionInternal) ((SmbTreeHandleInternal) th).getSession();
            try (var transport = session.getTransport()) {
                Object impl = transport;
                Method m = impl.getClass().getDeclaredMethod("getNegotiateResponse");
                m.setAccessible(true);
                Object resp = m.invoke(impl);
                Method d = Class.forName("jcifs.internal.SmbNegotiationResponse").getMethod("getSelectedDialect");
                return (DialectVersion) d.invoke(resp);
            } finally {
                session.close();
            }
        }
    }

    /** Whether messages on {@code f}'s session are signed. */
    static boolean signaturesActive(SmbFile f) throws Exception {
        try (SmbTreeHandle th = f.getTreeHandle()) {
            return ((SmbTreeHandleInternal) th).areSignaturesActive();
        }
    }

    static void closeQuietly(CIFSContext ctx) {
        try {
            ctx.close();
        } catch (CIFSException e) {
            // the test's assertions already ran
        }
    }
}
