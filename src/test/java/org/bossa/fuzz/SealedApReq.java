package org.bossa.fuzz;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.bossa.auth.spnego.DerWriter;
import org.bossa.auth.spnego.Oid;
import org.bossa.kerberos.gss.Krb5MechToken;

/**
 * An AP-REQ made from plaintexts: the fuzzer writes the EncTicketPart and the Authenticator in the
 * clear and this class encrypts them, the ticket with the fixture's machine key and the
 * authenticator with the fixture's session key, as a KDC and a client would. Without it every
 * mutation inside a ciphertext fails decryption and the checks behind it (EncTicketPart and
 * Authenticator decoding, flags, times, names, keys, the GSS checksum, the PAC lookup) only ever see
 * the seeds.
 *
 * <p>Layout (all of it input; short inputs are padded with zeros):
 * <pre>
 * byte 0   bits 0-1 ticket enctype (AES256, AES128, RC4, AES256), bits 2-3 kvno (none, 1, 2, 3; the
 *          keytab has 1 and 2), bits 4-5 the authenticator's enctype (as for the ticket),
 *          bit 6 frame with Windows' OID, bit 7 send the bare AP-REQ
 * byte 1   the first byte of ap-options (0x40 USE-SESSION-KEY, 0x20 MUTUAL-REQUIRED)
 * byte 2-3 the EncTicketPart's length n, big-endian
 * n bytes  the EncTicketPart (DER [APPLICATION 3]); its key must be the fixture's session key of
 *          the authenticator's enctype for the authenticator to decrypt
 * rest     the Authenticator (DER [APPLICATION 2])
 * </pre>
 * The ticket is for cifs/filesrv.example.test@EXAMPLE.TEST; the outer AP-REQ fields are fuzzed by
 * the raw-token half of {@link Krb5AcceptorFuzzTest}.
 */
final class SealedApReq {
    static final int HEADER = 4;
    private static final List<EncryptionType> TYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.ARCFOUR_HMAC,
            EncryptionType.AES256_CTS_HMAC_SHA1_96);

    private SealedApReq() {
    }

    /** The layout's first byte for these choices ({@code kvno} 0 for none). */
    static int header(EncryptionType ticketType, int kvno, EncryptionType authenticatorType, boolean windowsOid,
            boolean bare) {
        return TYPES.indexOf(ticketType) | kvno << 2 | TYPES.indexOf(authenticatorType) << 4 | (windowsOid ? 0x40 : 0)
                | (bare ? 0x80 : 0);
    }

    /** An input in the layout. */
    static byte[] layout(int header, int apOptionsByte, byte[] encTicketPart, byte[] authenticator) {
        byte[] out = new byte[HEADER + encTicketPart.length + authenticator.length];
        out[0] = (byte) header;
        out[1] = (byte) apOptionsByte;
        out[2] = (byte) (encTicketPart.length >>> 8);
        out[3] = (byte) encTicketPart.length;
        System.arraycopy(encTicketPart, 0, out, HEADER, encTicketPart.length);
        System.arraycopy(authenticator, 0, out, HEADER + encTicketPart.length, authenticator.length);
        return out;
    }

    /** The context token the layout describes. */
    static byte[] seal(byte[] in) throws KrbException, IOException {
        byte[] input = in.length >= HEADER ? in : Arrays.copyOf(in, HEADER);
        int header = input[0] & 0xff;
        EncryptionType ticketType = TYPES.get(header & 3);
        int kvno = header >>> 2 & 3;
        EncryptionType authenticatorType = TYPES.get(header >>> 4 & 3);
        int n = Math.min((input[2] & 0xff) << 8 | input[3] & 0xff, input.length - HEADER);
        byte[] part = Arrays.copyOfRange(input, HEADER, HEADER + n);
        byte[] authenticator = Arrays.copyOfRange(input, HEADER + n, input.length);

        EncryptionKey key = KerberosFixture.machineKey(kvno == 0 ? KerberosFixture.KVNO : kvno, ticketType);
        EncryptedData encPart = EncryptionHandler.encrypt(part, key, KeyUsage.KDC_REP_TICKET);
        if (kvno != 0) {
            encPart.setKvno(kvno);
        }
        Ticket ticket = new Ticket();
        ticket.setSname(KerberosFixture.CIFS.toKerby());
        ticket.setRealm(KerberosFixture.REALM);
        ticket.setEncryptedEncPart(encPart);
        ApReq req = new ApReq();
        req.setApOptions(new ApOptions((input[1] & 0xff) << 24));
        req.setTicket(ticket);
        req.setEncryptedAuthenticator(EncryptionHandler.encrypt(authenticator,
                KerberosFixture.sessionKey(authenticatorType), KeyUsage.AP_REQ_AUTH));
        byte[] apReq = req.encode();
        if ((header & 0x80) != 0) {
            return apReq;
        }
        if ((header & 0x40) != 0) {
            return DerWriter.tlv(0x60, DerWriter.oid(Oid.MS_KRB5), new byte[] {1, 0}, apReq);
        }
        return new Krb5MechToken(Krb5MechToken.AP_REQ, apReq).encode();
    }
}
