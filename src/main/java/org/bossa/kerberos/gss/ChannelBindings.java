package org.bossa.kerberos.gss;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * GSS channel bindings (RFC 2744 gss_channel_bindings_struct). The authenticator checksum carries
 * their MD5 hash (RFC 4121 4.1.1.2); with no bindings the hash field is sixteen zero bytes.
 *
 * @param initiatorAddrType GSS address family of the initiator address (0 = unspecified)
 * @param initiatorAddress the initiator address, empty when not bound
 * @param acceptorAddrType GSS address family of the acceptor address (0 = unspecified)
 * @param acceptorAddress the acceptor address, empty when not bound
 * @param applicationData the application data, e.g. RFC 5929 tls-server-end-point
 */
public record ChannelBindings(int initiatorAddrType, byte[] initiatorAddress, int acceptorAddrType,
        byte[] acceptorAddress, byte[] applicationData) {

    private static final byte[] TLS_SERVER_END_POINT = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);

    public ChannelBindings {
        initiatorAddress = initiatorAddress.clone();
        acceptorAddress = acceptorAddress.clone();
        applicationData = applicationData.clone();
    }

    /** Bindings with only application data, addresses unspecified: what TLS channel binding uses. */
    public static ChannelBindings ofApplicationData(byte[] applicationData) {
        return new ChannelBindings(0, new byte[0], 0, new byte[0], applicationData);
    }

    /**
     * RFC 5929 section 4: "tls-server-end-point:" followed by the hash of the server certificate,
     * hashed with the certificate's signature hash, where MD5 and SHA-1 are replaced by SHA-256.
     */
    public static ChannelBindings tlsServerEndPoint(X509Certificate serverCertificate) {
        String sigAlg = serverCertificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String hash;
        if (sigAlg.contains("SHA512")) {
            hash = "SHA-512";
        } else if (sigAlg.contains("SHA384")) {
            hash = "SHA-384";
        } else if (sigAlg.contains("SHA224")) {
            hash = "SHA-224";
        } else {
            hash = "SHA-256";
        }
        try {
            byte[] digest = MessageDigest.getInstance(hash).digest(serverCertificate.getEncoded());
            byte[] data = new byte[TLS_SERVER_END_POINT.length + digest.length];
            System.arraycopy(TLS_SERVER_END_POINT, 0, data, 0, TLS_SERVER_END_POINT.length);
            System.arraycopy(digest, 0, data, TLS_SERVER_END_POINT.length, digest.length);
            return ofApplicationData(data);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot hash the server certificate for channel binding", e);
        }
    }

    @Override
    public byte[] initiatorAddress() {
        return initiatorAddress.clone();
    }

    @Override
    public byte[] acceptorAddress() {
        return acceptorAddress.clone();
    }

    @Override
    public byte[] applicationData() {
        return applicationData.clone();
    }

    /**
     * The Bnd value of RFC 4121 4.1.1.2: MD5 over the fields in declaration order, each integer
     * (address types and the length before each octet string) as four little-endian bytes.
     */
    public byte[] md5() {
        ByteBuffer b = ByteBuffer.allocate(20 + initiatorAddress.length + acceptorAddress.length
                + applicationData.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(initiatorAddrType).putInt(initiatorAddress.length).put(initiatorAddress);
        b.putInt(acceptorAddrType).putInt(acceptorAddress.length).put(acceptorAddress);
        b.putInt(applicationData.length).put(applicationData);
        try {
            return MessageDigest.getInstance("MD5").digest(b.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }
}
