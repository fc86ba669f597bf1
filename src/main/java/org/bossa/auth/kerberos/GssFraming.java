package org.bossa.auth.kerberos;

import java.util.Arrays;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.Der.DerException;

/**
 * The RFC 2743 3.1 framing of a Kerberos context token: [APPLICATION 0] around the mechanism OID,
 * the two-byte TOK_ID (RFC 4121 4.1) and the Kerberos message. Two OIDs name the mechanism: the
 * registered 1.2.840.113554.1.2.2 and Windows' 1.2.840.48018.1.2.2 (MS-SPNG 3.1.5.2 and its Windows
 * note), which Windows clients list first in SPNEGO. The reply is framed with the OID the request
 * came with, as MIT's acceptor does and its initiator checks.
 *
 * <p>A bare AP-REQ (no framing) is accepted too, as Heimdal (Samba's acceptor) does for peers whose
 * SPNEGO layer forgets the framing; its reply is framed with the registered OID.
 */
final class GssFraming {
    static final int TOK_AP_REQ = 0x0100;
    static final int TOK_AP_REP = 0x0200;

    /** DER of 1.2.840.113554.1.2.2, tag and length included. */
    static final byte[] KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02,
            0x02};
    /** DER of 1.2.840.48018.1.2.2 (MS-KRB5), tag and length included. */
    static final byte[] MS_KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12, 0x01,
            0x02, 0x02};

    private static final int APPLICATION_0 = 0x60;
    private static final int AP_REQ_TAG = 0x6e; // [APPLICATION 14]

    /** An unframed context token: the Kerberos message and the OID to frame the reply with. */
    record Unframed(byte[] message, byte[] mechOid) {
    }

    private GssFraming() {
    }

    /** The AP-REQ inside {@code token}, framed or bare. */
    static Unframed apReq(byte[] token) throws Rejection {
        if (token.length == 0) {
            throw new Rejection(Kind.MALFORMED, "the Kerberos context token is empty");
        }
        int first = token[0] & 0xff;
        if (first == AP_REQ_TAG) {
            return new Unframed(token, KRB5_OID);
        }
        if (first != APPLICATION_0) {
            throw new Rejection(Kind.MALFORMED, String.format(
                    "the context token starts with 0x%02x, neither GSS framing (0x60) nor an AP-REQ (0x6e)", first));
        }
        Der.Tlv outer;
        Der.Tlv oid;
        try {
            outer = Der.readWhole(token);
            oid = Der.read(token, outer.valueOffset(), outer.end());
        } catch (DerException e) {
            throw new Rejection(Kind.MALFORMED, "the GSS framing is malformed: " + e.getMessage());
        }
        byte[] oidBytes = oid.encoded();
        if (!Arrays.equals(oidBytes, KRB5_OID) && !Arrays.equals(oidBytes, MS_KRB5_OID)) {
            throw new Rejection(Kind.MALFORMED, "the GSS framing names another mechanism than Kerberos V5");
        }
        int pos = oid.end();
        if (outer.end() - pos < 2) {
            throw new Rejection(Kind.MALFORMED, "the GSS token has no TOK_ID");
        }
        int tokenId = ((token[pos] & 0xff) << 8) | (token[pos + 1] & 0xff);
        if (tokenId != TOK_AP_REQ) {
            throw new Rejection(Kind.MALFORMED, String.format("the GSS token id is %04x, not an AP-REQ (0100)", tokenId));
        }
        return new Unframed(Arrays.copyOfRange(token, pos + 2, outer.end()), oidBytes);
    }

    /** {@code message} framed with {@code mechOid} and {@code tokenId}. */
    static byte[] frame(byte[] mechOid, int tokenId, byte[] message) {
        return Der.tlv(APPLICATION_0, mechOid, new byte[] {(byte) (tokenId >>> 8), (byte) tokenId}, message);
    }
}
