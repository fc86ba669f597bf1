package org.bossa.auth.kerberos;

import java.io.IOException;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kerby.asn1.type.Asn1Integer;
import org.apache.kerby.asn1.type.Asn1Type;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.Der.DerException;

/**
 * Kerby decoding made safe for bytes from the network. Kerby's parser descends into every
 * constructed element recursively, so a few kilobytes of nested tags would overflow the stack, and
 * it throws unchecked exceptions on some malformed input; so each buffer is first walked with our
 * bounded {@link Der} reader (definite lengths only, each element inside its parent, exactly one
 * element, nesting at most {@link #MAX_DEPTH}), then decoded with every exception mapped to a
 * {@link Rejection}.
 *
 * <p>Kerby also loses facts: it reads an absent or unknown integer as -1 or NONE, and truncates a
 * UInt32 (kvno, sequence number) to a signed int. The subclasses here read those fields raw.
 */
final class KerbyDecoding {
    /** Deeper than any Kerberos message nests (an AP-REQ is about 10 levels deep). */
    static final int MAX_DEPTH = 32;
    private static final long UINT32_MASK = 0xffffffffL;

    private KerbyDecoding() {
    }

    /**
     * Decodes {@code der}, which must start with {@code tag} (Kerby does not always check the outer
     * tag), into a fresh {@code type}; {@code what} names it in the reason.
     */
    static <T extends Asn1Type> T decode(byte[] der, int tag, Supplier<T> type, String what) throws Rejection {
        checkShape(der, what);
        if ((der[0] & 0xff) != tag) {
            throw new Rejection(Kind.MALFORMED, String.format("%s has tag 0x%02x, not 0x%02x", what, der[0] & 0xff, tag));
        }
        T value = type.get();
        try {
            value.decode(der);
        } catch (IOException | RuntimeException e) {
            throw new Rejection(Kind.MALFORMED, what + " does not decode");
        }
        return value;
    }

    /** Checks that {@code der} is one well-formed element, nested no deeper than {@link #MAX_DEPTH}. */
    static void checkShape(byte[] der, String what) throws Rejection {
        try {
            walk(Der.readWhole(der), 1);
        } catch (DerException e) {
            throw new Rejection(Kind.MALFORMED, what + " is not valid DER: " + e.getMessage());
        }
    }

    private static void walk(Der.Tlv element, int depth) throws DerException {
        if (!element.constructed()) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            throw new DerException("nested deeper than " + MAX_DEPTH + " levels");
        }
        for (Der.Tlv child : Der.children(element)) {
            walk(child, depth + 1);
        }
    }

    /** A UInt32 (RFC 4120 5.2.4), also accepting the negative int32 some encoders write for values above 2^31. */
    static OptionalLong uint32(Asn1Integer value, String what) throws Rejection {
        if (value == null || value.getValue() == null) {
            return OptionalLong.empty();
        }
        BigInteger v = value.getValue();
        if (v.bitLength() > 32 || (v.signum() < 0 && v.bitLength() > 31)) {
            throw new Rejection(Kind.MALFORMED, what + " " + v + " is not a 32-bit number");
        }
        return OptionalLong.of(v.longValue() & UINT32_MASK);
    }

    /** EncryptedData with its etype and kvno read as numbers. */
    static final class RawEncryptedData extends EncryptedData {
        /** The etype number; -1 when absent. */
        int etype() {
            Asn1Integer value = getFieldAs(EncryptedDataField.ETYPE, Asn1Integer.class);
            if (value == null || value.getValue() == null || value.getValue().bitLength() > 31) {
                return -1;
            }
            return value.getValue().intValue();
        }

        /** The kvno, empty when absent. */
        OptionalLong kvno() throws Rejection {
            return uint32(getFieldAs(EncryptedDataField.KVNO, Asn1Integer.class), "the kvno");
        }

        /** A Kerby EncryptedData read again so its raw fields can be seen. */
        static RawEncryptedData of(EncryptedData data, String what) throws Rejection {
            byte[] der;
            try {
                der = data.encode();
            } catch (IOException | RuntimeException e) {
                throw new Rejection(Kind.MALFORMED, what + " does not re-encode");
            }
            return KerbyDecoding.decode(der, Der.SEQUENCE, RawEncryptedData::new, what);
        }
    }

    /** Authenticator with the raw sequence number, cusec and version. */
    static final class RawAuthenticator extends Authenticator {
        /** The initiator's sequence number, empty when absent. */
        OptionalLong sequenceNumber() throws Rejection {
            return uint32(getFieldAs(AuthenticatorField.SEQ_NUMBER, Asn1Integer.class), "the sequence number");
        }

        /** cusec, or -1 when absent or out of range. */
        int rawCusec() {
            Asn1Integer value = getFieldAs(AuthenticatorField.CUSEC, Asn1Integer.class);
            if (value == null || value.getValue() == null || value.getValue().bitLength() > 31) {
                return -1;
            }
            return value.getValue().intValue();
        }

        /** authenticator-vno, or -1 when absent or out of range. */
        int rawVersion() {
            Asn1Integer value = getFieldAs(AuthenticatorField.AUTHENTICATOR_VNO, Asn1Integer.class);
            if (value == null || value.getValue() == null || value.getValue().bitLength() > 31) {
                return -1;
            }
            return value.getValue().intValue();
        }
    }
}
