package org.bossa.kerberos.gss;

/**
 * The RFC 4752 3.3 security layers, in increasing strength, with their bit in the layer octet and
 * their javax.security.sasl QOP name.
 */
public enum SaslSecurityLayer {
    NONE(0x01, "auth"),
    INTEGRITY(0x02, "auth-int"),
    CONFIDENTIALITY(0x04, "auth-conf");

    private final int bit;
    private final String qop;

    SaslSecurityLayer(int bit, String qop) {
        this.bit = bit;
        this.qop = qop;
    }

    public int bit() {
        return bit;
    }

    /** The value of {@link javax.security.sasl.Sasl#QOP}. */
    public String qop() {
        return qop;
    }

    public boolean atLeast(SaslSecurityLayer other) {
        return compareTo(other) >= 0;
    }
}
