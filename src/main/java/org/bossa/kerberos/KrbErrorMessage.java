package org.bossa.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bossa.kerberos.Der.DerException;
import org.bossa.kerberos.Der.Tlv;

/**
 * KRB-ERROR (RFC 4120 5.9.1), decoded by hand so that error codes outside Kerby's enum survive:
 * {@code [APPLICATION 30] SEQUENCE { pvno [0], msg-type [1], ctime [2] OPT, cusec [3] OPT,
 * stime [4], susec [5], error-code [6], crealm [7] OPT, cname [8] OPT, realm [9], sname [10],
 * e-text [11] OPT, e-data [12] OPT }}.
 */
public record KrbErrorMessage(int errorCode, Instant serverTime, String eText, byte[] eData) {
    public static final int TAG = 0x7E; // [APPLICATION 30]

    public static final int KDC_ERR_C_PRINCIPAL_UNKNOWN = 6;
    public static final int KDC_ERR_S_PRINCIPAL_UNKNOWN = 7;
    public static final int KDC_ERR_ETYPE_NOSUPP = 14;
    public static final int KDC_ERR_CLIENT_REVOKED = 18;
    public static final int KDC_ERR_KEY_EXPIRED = 23;
    public static final int KDC_ERR_PREAUTH_FAILED = 24;
    public static final int KDC_ERR_PREAUTH_REQUIRED = 25;
    public static final int KRB_AP_ERR_BAD_INTEGRITY = 31;
    public static final int KRB_AP_ERR_SKEW = 37;
    public static final int KRB_ERR_RESPONSE_TOO_BIG = 52;

    public KrbErrorMessage {
        eData = eData == null ? null : eData.clone();
    }

    @Override
    public byte[] eData() {
        return eData == null ? null : eData.clone();
    }

    /** Whether {@code message} starts like a KRB-ERROR. */
    public static boolean is(byte[] message) {
        return message.length > 0 && (message[0] & 0xFF) == TAG;
    }

    public static KrbErrorMessage decode(byte[] message) throws DerException {
        Tlv app = Der.readWhole(message);
        if (app.tag() != TAG) {
            throw new DerException("not a KRB-ERROR: tag 0x" + Integer.toHexString(app.tag()));
        }
        Tlv seq = Der.unwrap(app);
        if (seq.tag() != Der.SEQUENCE) {
            throw new DerException("KRB-ERROR body is not a SEQUENCE");
        }
        Integer code = null;
        Instant stime = null;
        long susec = 0;
        String eText = null;
        byte[] eData = null;
        List<Tlv> fields = Der.children(seq);
        for (Tlv f : fields) {
            switch (f.tag()) {
                case 0xA4 -> stime = Der.time(Der.unwrap(f));
                case 0xA5 -> susec = Der.integer(Der.unwrap(f));
                case 0xA6 -> code = (int) Der.integer(Der.unwrap(f));
                case 0xAB -> eText = Der.string(Der.unwrap(f));
                case 0xAC -> eData = Der.octets(Der.unwrap(f));
                default -> {
                    // pvno, msg-type, ctime, cusec, crealm, cname, realm, sname: not needed
                }
            }
        }
        if (code == null || stime == null) {
            throw new DerException("KRB-ERROR without error-code or stime");
        }
        if (susec >= 0 && susec < 1_000_000) {
            stime = stime.plusNanos(susec * 1000);
        }
        return new KrbErrorMessage(code, stime, eText, eData);
    }

    /** The typed failure for this error, naming {@code client}, {@code service} and the sender. */
    public KerberosException toException(KdcAddress from, KerberosName client, KerberosName service, Instant localNow) {
        return KdcErrors.toException(this, from, client, service, localNow);
    }

    /** KDC time minus local time, positive when the KDC is ahead. */
    public Duration skewFrom(Instant localNow) {
        return Duration.between(localNow, serverTime);
    }
}
