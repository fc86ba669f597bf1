package org.bossa.kerberos;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kerby.asn1.type.Asn1Type;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2Entry;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.kdc.EncAsRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.EncKdcRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.EncTgsRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOption;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOptions;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;

/** Encoding and decoding helpers that turn Kerby's exceptions into {@link KerberosFailure#PROTOCOL_ERROR}. */
final class KdcMessages {
    static final int AS_REP_TAG = 0x6B;        // [APPLICATION 11]
    static final int TGS_REP_TAG = 0x6D;       // [APPLICATION 13]
    static final int ENC_AS_REP_PART_TAG = 0x79;  // [APPLICATION 25]
    static final int ENC_TGS_REP_PART_TAG = 0x7A; // [APPLICATION 26]

    private KdcMessages() {
    }

    /** The KDC options of every AS-REQ and TGS-REQ we send: forwardable, renewable, canonicalize. */
    static KdcOptions requestOptions() {
        KdcOptions options = new KdcOptions();
        options.setFlag(KdcOption.FORWARDABLE);
        options.setFlag(KdcOption.RENEWABLE);
        options.setFlag(KdcOption.CANONICALIZE);
        return options;
    }

    /** A request nonce: random and non-negative. */
    static int nonce(SecureRandom random) {
        return random.nextInt() & 0x7FFFFFFF;
    }

    /** True if {@code message} starts with the DER tag {@code tag} (e.g. {@link #AS_REP_TAG}). */
    static boolean hasTag(byte[] message, int tag) {
        return message.length > 0 && (message[0] & 0xFF) == tag;
    }

    static byte[] encode(Asn1Type value) throws KerberosException {
        try {
            return KrbCodec.encode(value);
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "cannot encode "
                    + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T extends Asn1Type> T decode(byte[] der, Class<T> type, String what) throws KerberosException {
        try {
            return KrbCodec.decode(der, type);
        } catch (KrbException | RuntimeException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "malformed " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The decrypted EncKDCRepPart. RFC 4120 5.4.2 notes that some KDCs (Windows among them) send
     * EncTGSRepPart in an AS-REP, so either tag is accepted whatever the reply type.
     */
    static EncKdcRepPart decodeEncKdcRepPart(byte[] decrypted) throws KerberosException {
        byte[] plain = withoutEncryptedPaData(decrypted);
        int tag = plain[0] & 0xFF;
        return switch (tag) {
            case ENC_AS_REP_PART_TAG -> decode(plain, EncAsRepPart.class, "EncASRepPart");
            case ENC_TGS_REP_PART_TAG -> decode(plain, EncTgsRepPart.class, "EncTGSRepPart");
            default -> throw new KerberosException(KerberosFailure.PROTOCOL_ERROR,
                    "decrypted KDC reply part has tag 0x" + Integer.toHexString(tag));
        };
    }

    /**
     * The EncKDCRepPart re-encoded without encrypted-pa-data [12] (RFC 6806 / RFC 6113: Heimdal and
     * AD send PA-SUPPORTED-ENCTYPES there), which Kerby's type does not know and refuses.
     */
    static byte[] withoutEncryptedPaData(byte[] plain) throws KerberosException {
        try {
            Der.Tlv app = Der.read(plain, 0, plain.length);
            Der.Tlv seq = Der.unwrap(app);
            if (seq.tag() != Der.SEQUENCE) {
                throw new Der.DerException("EncKDCRepPart body is not a SEQUENCE");
            }
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(plain.length);
            boolean dropped = false;
            for (Der.Tlv f : Der.children(seq)) {
                if (f.tag() == Der.context(12)) {
                    dropped = true;
                    continue;
                }
                kept.writeBytes(f.encoded());
            }
            if (!dropped) {
                return java.util.Arrays.copyOf(plain, app.end());
            }
            return Der.tlv(app.tag(), Der.tlv(Der.SEQUENCE, kept.toByteArray()));
        } catch (Der.DerException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "malformed EncKDCRepPart: " + e.getMessage(), e);
        }
    }

    /** PA-ETYPE-INFO2 from a METHOD-DATA (e-data of KDC_ERR_PREAUTH_REQUIRED) or an AS-REP's padata. */
    static List<EtypeInfo2Entry> etypeInfo2(List<PaDataEntry> padata) throws KerberosException {
        List<EtypeInfo2Entry> out = new ArrayList<>();
        for (PaDataEntry e : padata) {
            if (e.getPaDataType() == PaDataType.ETYPE_INFO2 && e.getPaDataValue() != null) {
                out.addAll(decode(e.getPaDataValue(), EtypeInfo2.class, "PA-ETYPE-INFO2").getElements());
            }
        }
        return out;
    }

    static List<PaDataEntry> methodData(byte[] eData) throws KerberosException {
        if (eData == null || eData.length == 0) {
            return List.of();
        }
        return decode(eData, MethodData.class, "METHOD-DATA").getElements();
    }

    static List<PaDataEntry> entries(PaData padata) {
        return padata == null ? List.of() : padata.getElements();
    }

    static Set<TicketFlag> flags(TicketFlags flags) {
        Set<TicketFlag> out = EnumSet.noneOf(TicketFlag.class);
        if (flags != null) {
            for (TicketFlag f : TicketFlag.values()) {
                if (f != TicketFlag.NONE && flags.isFlagSet(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    static Instant instant(KerberosTime t) {
        return t == null ? null : Instant.ofEpochMilli(t.getTime());
    }

    static KerberosTime time(Instant t) {
        return new KerberosTime(t.toEpochMilli() / 1000 * 1000);
    }
}
