package org.bossa.domain.ldap;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPBindException;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bossa.kerberos.gss.ChannelBindings;
import org.bossa.kerberos.gss.GssapiSaslException;
import org.bossa.kerberos.gss.SaslGssapiOptions;
import org.bossa.kerberos.gss.SaslSecurityLayer;

/**
 * Opens an authenticated LDAP connection to a DC (UnboundID LDAP SDK), in one of two safe ways:
 * <ul>
 * <li>plain port 389 with a SASL GSSAPI bind from our own Kerberos GSS layer, after which every
 * message is sealed (or, if so configured, at least signed);</li>
 * <li>TLS (LDAPS or StartTLS) with the DC's certificate verified against a configured CA file and
 * host name, then either a GSSAPI bind (channel-bound to the TLS certificate, no SASL layer: AD
 * refuses SASL sign/seal inside TLS) or a simple bind.</li>
 * </ul>
 * There is no trust-all mode and a simple bind never travels without TLS. Every failure is an
 * {@link LdapConnectException} naming its cause in one line.
 */
public final class LdapConnector {
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final SocketFactory plainSockets;

    public LdapConnector(Duration connectTimeout, Duration responseTimeout) {
        this(connectTimeout, responseTimeout, SocketFactory.getDefault());
    }

    /** With the factory for plain TCP sockets given (tests record the bytes on the wire with it). */
    LdapConnector(Duration connectTimeout, Duration responseTimeout, SocketFactory plainSockets) {
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.responseTimeout = requirePositive(responseTimeout, "responseTimeout");
        this.plainSockets = Objects.requireNonNull(plainSockets, "plainSockets");
    }

    /** Five-second connect and ten-second response timeouts. */
    public LdapConnector() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static Duration requirePositive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and below 24 days");
        }
        return d;
    }

    /** Connects and binds; on any failure nothing stays open. */
    public LdapSession connect(LdapTarget target, LdapCredentials credentials) throws LdapConnectException {
        String server = target.hostPort();
        if (credentials instanceof LdapCredentials.Simple && !target.transport().usesTls()) {
            throw new LdapConnectException(LdapFailure.INSECURE_BIND_REFUSED, server,
                    "use LDAPS, StartTLS or Kerberos", null);
        }
        SSLSocketFactory tls = target.transport().usesTls() ? tlsFactory(target) : null;

        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) connectTimeout.toMillis());
        options.setResponseTimeoutMillis(responseTimeout.toMillis());
        options.setAutoReconnect(false);
        options.setFollowReferrals(false);

        SocketFactory sockets = target.transport() == LdapTransport.LDAPS ? tls : plainSockets;
        LDAPConnection connection;
        try {
            connection = new LDAPConnection(sockets, options,
                    target.address() != null ? target.address().getHostAddress() : target.host(), target.port());
        } catch (LDAPException e) {
            throw translate(e, server);
        }
        try {
            if (target.transport() == LdapTransport.START_TLS) {
                startTls(connection, tls, server);
            }
            Bound bound = bind(connection, target, credentials, server);
            return new LdapSession(connection, bound.protection(), bound.saslLayer(), target);
        } catch (LdapConnectException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private SSLSocketFactory tlsFactory(LdapTarget target) throws LdapConnectException {
        X509ExtendedTrustManager trust;
        try {
            trust = DcTrust.trustManager(target.caFile());
        } catch (IOException | GeneralSecurityException e) {
            throw new LdapConnectException(LdapFailure.CA_FILE_UNUSABLE, target.hostPort(),
                    target.caFile() + ": " + e.getMessage(), e);
        }
        try {
            return DcTrust.socketFactory(trust, target.host(), (int) connectTimeout.toMillis());
        } catch (GeneralSecurityException e) {
            throw new LdapConnectException(LdapFailure.TLS_HANDSHAKE_FAILED, target.hostPort(), e.getMessage(), e);
        }
    }

    private static void startTls(LDAPConnection connection, SSLSocketFactory tls, String server)
            throws LdapConnectException {
        ExtendedResult result;
        try {
            result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
        } catch (LDAPException e) {
            LdapConnectException translated = translate(e, server);
            if (translated.failure() == LdapFailure.PROTOCOL_ERROR) {
                throw new LdapConnectException(LdapFailure.START_TLS_REJECTED, server, null, e.getResultCode(),
                        e.getDiagnosticMessage(), e);
            }
            throw translated;
        }
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new LdapConnectException(LdapFailure.START_TLS_REJECTED, server, null, result.getResultCode(),
                    result.getDiagnosticMessage(), null);
        }
    }

    private record Bound(LdapProtection protection, SaslSecurityLayer saslLayer) {
    }

    private Bound bind(LDAPConnection connection, LdapTarget target, LdapCredentials credentials,
            String server) throws LdapConnectException {
        try {
            switch (credentials) {
                case LdapCredentials.Kerberos k -> {
                    SaslSecurityLayer layer = target.transport().usesTls()
                            ? kerberosInsideTls(connection, k, server)
                            : gssapiBind(connection, k, SaslGssapiOptions.atLeastIntegrity()
                                    .withMinimum(k.minimumLayer()), server);
                    return new Bound(target.transport().usesTls() ? LdapProtection.TLS : switch (layer) {
                        case CONFIDENTIALITY -> LdapProtection.SASL_CONFIDENTIALITY;
                        case INTEGRITY -> LdapProtection.SASL_INTEGRITY;
                        case NONE -> throw new IllegalStateException("a plain connection without a SASL layer");
                    }, layer);
                }
                case LdapCredentials.Simple s -> {
                    char[] password = s.password();
                    byte[] utf8 = toUtf8(password);
                    Arrays.fill(password, '\0');
                    try {
                        SimpleBindRequest request = new SimpleBindRequest(s.bindName(), utf8);
                        request.setResponseTimeoutMillis(responseTimeout.toMillis());
                        requireSuccess(connection.bind(request), server);
                    } finally {
                        Arrays.fill(utf8, (byte) 0);
                    }
                    return new Bound(LdapProtection.TLS, SaslSecurityLayer.NONE);
                }
            }
        } catch (LDAPBindException e) {
            throw new LdapConnectException(LdapFailure.BIND_REJECTED, server, null, e.getResultCode(),
                    e.getDiagnosticMessage(), e);
        } catch (LDAPException e) {
            throw translate(e, server);
        }
    }

    private SaslSecurityLayer gssapiBind(LDAPConnection connection, LdapCredentials.Kerberos k,
            SaslGssapiOptions options, String server) throws LDAPException, LdapConnectException {
        GssapiBindRequest request = new GssapiBindRequest(k.ticket(), options);
        request.setResponseTimeoutMillis(responseTimeout.toMillis());
        requireSuccess(connection.bind(request), server);
        return request.negotiatedLayer();
    }

    /**
     * GSSAPI inside TLS: no SASL layer, channel-bound to the DC's certificate (RFC 5929
     * tls-server-end-point). Windows DCs refuse sign or seal inside TLS; Samba accepts this from
     * 4.20 on, while Samba up to 4.19 with "ldap server require strong auth = yes" (its default)
     * refuses any GSSAPI bind over TLS ("Sign or Seal are required" without a layer, "not allowed if
     * TLS is used" with one), which surfaces as BIND_REJECTED / strongAuthRequired: use the plain
     * port with a sealed layer, or a simple bind over TLS, against such a DC.
     */
    private SaslSecurityLayer kerberosInsideTls(LDAPConnection connection, LdapCredentials.Kerberos k, String server)
            throws LDAPException, LdapConnectException {
        return gssapiBind(connection, k, SaslGssapiOptions.insideTls(tlsBindings(connection, server)), server);
    }

    private static void requireSuccess(BindResult result, String server) throws LdapConnectException {
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new LdapConnectException(LdapFailure.BIND_REJECTED, server, null, result.getResultCode(),
                    result.getDiagnosticMessage(), null);
        }
    }

    /** RFC 5929 tls-server-end-point of the DC's certificate, for the GSSAPI authenticator. */
    private static ChannelBindings tlsBindings(LDAPConnection connection, String server) throws LdapConnectException {
        try {
            Certificate[] peer = connection.getSSLSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate cert) {
                return ChannelBindings.tlsServerEndPoint(cert);
            }
        } catch (SSLPeerUnverifiedException | NullPointerException e) {
            throw new LdapConnectException(LdapFailure.TLS_HANDSHAKE_FAILED, server, "no verified DC certificate", e);
        }
        throw new LdapConnectException(LdapFailure.TLS_HANDSHAKE_FAILED, server, "no X.509 DC certificate", null);
    }

    private static byte[] toUtf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    /** Maps an SDK exception to one named cause by looking at what lies beneath it. */
    static LdapConnectException translate(LDAPException e, String server) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DcTrust.HostNameMismatchException) {
                return new LdapConnectException(LdapFailure.TLS_HOST_NAME_MISMATCH, server, t.getMessage(), e);
            }
            if (t instanceof DcTrust.UntrustedCertificateException) {
                return new LdapConnectException(LdapFailure.TLS_CERTIFICATE_NOT_TRUSTED, server, rootMessage(t), e);
            }
            if (t instanceof GssapiSaslException g) {
                LdapFailure f = g.reason() == GssapiSaslException.Reason.NO_ACCEPTABLE_LAYER
                        ? LdapFailure.SECURITY_LAYER_REFUSED : LdapFailure.KERBEROS_FAILED;
                return new LdapConnectException(f, server, g.getMessage(), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new LdapConnectException(LdapFailure.TLS_HANDSHAKE_FAILED, server, t.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException) {
                return new LdapConnectException(LdapFailure.TIMEOUT, server, t.getMessage(), e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return new LdapConnectException(LdapFailure.DC_UNREACHABLE, server, t.toString(), e);
            }
        }
        ResultCode code = e.getResultCode();
        if (code == ResultCode.TIMEOUT) {
            return new LdapConnectException(LdapFailure.TIMEOUT, server, e.getMessage(), e);
        }
        if (code == ResultCode.CONNECT_ERROR) {
            return new LdapConnectException(LdapFailure.DC_UNREACHABLE, server, e.getMessage(), e);
        }
        return new LdapConnectException(LdapFailure.PROTOCOL_ERROR, server, null, code, e.getDiagnosticMessage(), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
