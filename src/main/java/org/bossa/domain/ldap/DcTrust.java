package org.bossa.domain.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS to one DC: trust only the CA certificates of a PEM file, and require the DC's certificate to
 * name the host we asked for (the JDK's LDAPS identity check: subjectAltName DNS names, else the
 * most specific CN). The socket factory layers TLS over a connected socket with that host name
 * given explicitly; UnboundID starts the handshake itself right after (on connect and on StartTLS),
 * so a bad certificate fails the connect. The factory must not start it too: a second
 * startHandshake() on a TLS 1.3 connection makes the JDK send a KeyUpdate, after which Samba
 * 4.17's TLS layer stops answering. Trust failures and host name mismatches are told apart by the
 * exception types below.
 */
final class DcTrust {
    /** The certificate does not chain to the configured CA. */
    static final class UntrustedCertificateException extends CertificateException {
        UntrustedCertificateException(CertificateException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The certificate chains to the CA but is for another host. */
    static final class HostNameMismatchException extends CertificateException {
        HostNameMismatchException(CertificateException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private DcTrust() {
    }

    /** Reads the CA file; IOException or GeneralSecurityException when unreadable or empty. */
    static X509ExtendedTrustManager trustManager(Path caFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new CertificateException("no certificate in " + caFile);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return new Verifying(x);
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** A socket factory for TLS to {@code host}, trusting only {@code trustManager}'s CAs. */
    static SSLSocketFactory socketFactory(X509ExtendedTrustManager trustManager, String host, int connectTimeoutMillis)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, null);
        return new HostSocketFactory(context.getSocketFactory(), host, connectTimeoutMillis);
    }

    private interface HostCheck {
        void run() throws CertificateException;
    }

    /** Checks the chain first on its own, then together with the host name, to tell the failures apart. */
    private static final class Verifying extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pkix;

        Verifying(X509ExtendedTrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            verify(chain, authType, () -> pkix.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            verify(chain, authType, () -> pkix.checkServerTrusted(chain, authType, engine));
        }

        /** The chain on its own, then {@code withHost} (the same check with the host name). */
        private void verify(X509Certificate[] chain, String authType, HostCheck withHost) throws CertificateException {
            try {
                pkix.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw new UntrustedCertificateException(e);
            }
            try {
                withHost.run();
            } catch (CertificateException e) {
                throw new HostNameMismatchException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a DC certificate is only checked together with its host name");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    /**
     * Every socket is a TCP connection with TLS layered on top under the expected host name and
     * LDAPS endpoint identification on; the caller (UnboundID) starts the handshake.
     */
    private static final class HostSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final String host;
        private final int connectTimeoutMillis;

        HostSocketFactory(SSLSocketFactory tls, String host, int connectTimeoutMillis) {
            this.tls = tls;
            this.host = host;
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        @Override
        public Socket createSocket() throws IOException {
            // UnboundID then falls back to createSocket(address, port), where we know the host name
            throw new SocketException("unconnected sockets are not offered");
        }

        @Override
        public Socket createSocket(Socket plain, String ignoredHost, int port, boolean autoClose) throws IOException {
            return identifyHost((SSLSocket) tls.createSocket(plain, host, port, autoClose));
        }

        @Override
        public Socket createSocket(InetAddress address, int port) throws IOException {
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
                return createSocket(plain, host, port, true);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        @Override
        public Socket createSocket(String h, int port) throws IOException {
            return createSocket(InetAddress.getByName(h), port);
        }

        @Override
        public Socket createSocket(String h, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(InetAddress.getByName(h), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address, port);
        }

        private static Socket identifyHost(SSLSocket s) throws IOException {
            try {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("LDAPS");
                s.setSSLParameters(p);
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
