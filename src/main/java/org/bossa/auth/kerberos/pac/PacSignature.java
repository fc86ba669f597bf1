package org.bossa.auth.kerberos.pac;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * PAC_SIGNATURE_DATA (MS-PAC 2.8): a keyed checksum. The signature's length follows from its type;
 * an RODC-issued KDC signature carries a 2-byte RODCIdentifier after it. A signature of a type this
 * package does not know (tolerated in the KDC, ticket and full checksums, which are not verified
 * here) keeps every byte after the type as its signature.
 *
 * @param buffer         where the PAC_SIGNATURE_DATA lies in the PAC
 * @param signatureType  SignatureType, a Kerberos checksum type (signed)
 * @param signature      the Signature bytes (copied in and out)
 * @param rodcIdentifier RODCIdentifier, when present
 */
public record PacSignature(PacBuffer buffer, int signatureType, byte[] signature, OptionalInt rodcIdentifier) {
    /** HMAC-SHA1-96-AES128 (RFC 3962). */
    public static final int HMAC_SHA1_96_AES128 = 15;
    /** HMAC-SHA1-96-AES256 (RFC 3962). */
    public static final int HMAC_SHA1_96_AES256 = 16;
    /** KERB_CHECKSUM_HMAC_MD5 (RFC 4757), used with RC4-HMAC keys. */
    public static final int HMAC_MD5 = -138;

    public PacSignature {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(rodcIdentifier, "rodcIdentifier");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature length of a checksum type MS-PAC names, or -1 for any other type. */
    public static int signatureLength(int signatureType) {
        return switch (signatureType) {
            case HMAC_SHA1_96_AES128, HMAC_SHA1_96_AES256 -> 12;
            case HMAC_MD5 -> 16;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        String rodc = rodcIdentifier.isPresent() ? ", RODC " + rodcIdentifier.getAsInt() : "";
        return "PacSignature[" + PacBufferType.name(buffer.type()) + ", type " + signatureType + ", "
                + signature.length + " bytes" + rodc + "]";
    }
}
