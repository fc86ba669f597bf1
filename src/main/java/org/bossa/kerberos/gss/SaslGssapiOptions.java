package org.bossa.kerberos.gss;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link GssapiSaslClient} negotiates: the weakest layer it accepts, the strongest it will take
 * (the GSS flags it requests follow from it), the largest wrapped message it can receive, an
 * optional authorization identity, and optional channel bindings (e.g. RFC 5929 over TLS).
 *
 * @param minimum the weakest acceptable layer; the bind fails if the server offers nothing at least this strong
 * @param maximum the strongest layer to choose; the strongest offered layer up to this one is chosen
 * @param maxReceiveSize the largest wrapped message we accept (1..0xFFFFFF), announced to the server
 * @param authorizationId the RFC 4752 authzid, or null for none
 * @param channelBindings bindings for the authenticator checksum, or null
 */
public record SaslGssapiOptions(SaslSecurityLayer minimum, SaslSecurityLayer maximum, int maxReceiveSize,
        String authorizationId, ChannelBindings channelBindings) {
    /** Three bytes carry the size in RFC 4752's layer message. */
    public static final int MAX_BUFFER_LIMIT = 0xffffff;

    public SaslGssapiOptions {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("minimum layer " + minimum + " is stronger than maximum " + maximum);
        }
        if (maxReceiveSize < 1 || maxReceiveSize > MAX_BUFFER_LIMIT) {
            throw new IllegalArgumentException("maxReceiveSize must be 1.." + MAX_BUFFER_LIMIT);
        }
        if (authorizationId != null && authorizationId.getBytes(StandardCharsets.UTF_8).length > 0x10000) {
            throw new IllegalArgumentException("authorizationId is too long");
        }
    }

    /** Confidentiality required: what password changes over plain LDAP need. */
    public static SaslGssapiOptions sealed() {
        return new SaslGssapiOptions(SaslSecurityLayer.CONFIDENTIALITY, SaslSecurityLayer.CONFIDENTIALITY,
                MAX_BUFFER_LIMIT, null, null);
    }

    /** Confidentiality when offered, integrity at least. */
    public static SaslGssapiOptions atLeastIntegrity() {
        return new SaslGssapiOptions(SaslSecurityLayer.INTEGRITY, SaslSecurityLayer.CONFIDENTIALITY,
                MAX_BUFFER_LIMIT, null, null);
    }

    /**
     * Inside TLS: no SASL layer (Windows DCs refuse sign or seal on a TLS connection), the TLS
     * channel bound into the authenticator instead.
     */
    public static SaslGssapiOptions insideTls(ChannelBindings tlsBindings) {
        return new SaslGssapiOptions(SaslSecurityLayer.NONE, SaslSecurityLayer.NONE, MAX_BUFFER_LIMIT, null,
                tlsBindings);
    }

    public SaslGssapiOptions withMinimum(SaslSecurityLayer newMinimum) {
        return new SaslGssapiOptions(newMinimum, maximum, maxReceiveSize, authorizationId, channelBindings);
    }

    public SaslGssapiOptions withMaximum(SaslSecurityLayer newMaximum) {
        return new SaslGssapiOptions(minimum, newMaximum, maxReceiveSize, authorizationId, channelBindings);
    }

    public SaslGssapiOptions withAuthorizationId(String authzid) {
        return new SaslGssapiOptions(minimum, maximum, maxReceiveSize, authzid, channelBindings);
    }

    public SaslGssapiOptions withChannelBindings(ChannelBindings bindings) {
        return new SaslGssapiOptions(minimum, maximum, maxReceiveSize, authorizationId, bindings);
    }

    public SaslGssapiOptions withMaxReceiveSize(int size) {
        return new SaslGssapiOptions(minimum, maximum, size, authorizationId, channelBindings);
    }
}
