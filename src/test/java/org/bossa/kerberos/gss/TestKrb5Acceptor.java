package org.bossa.kerberos.gss;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncoding;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncodingType;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;

/**
 * A Kerberos GSS acceptor written for the tests, independently of the production classes: it issues
 * a ticket under its own service key, opens the AP-REQ, answers with an AP-REP, and implements the
 * RFC 4121 4.2 Wrap and MIC tokens of the acceptor side from the RFC text with Kerby's crypto.
 */
final class TestKrb5Acceptor {
    static final String REALM = "EXAMPLE.TEST";
    private static final byte[] KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01,
            0x02, 0x02};

    private final SecureRandom random = new SecureRandom();
    private final EncryptionKey serviceKey;
    private final EncryptionType etype;

    // what accept() learned
    EncryptionKey sessionKey;
    Authenticator authenticator;
    ApReq apReq;
    byte[] checksumValue;
    int checksumType;
    EncryptionKey initiatorSubkey;
    EncryptionKey acceptorSubkey;
    long initiatorSeq;
    long acceptorSeq;

    // knobs for the AP-REP
    boolean sendSubkey = true;
    int cusecDelta;
    boolean encryptReplyWithWrongKey;

    TestKrb5Acceptor(EncryptionType etype) throws Exception {
        this.etype = etype;
        this.serviceKey = randomKey(etype);
    }

    EncryptionKey randomKey(EncryptionType type) throws Exception {
        byte[] in = new byte[EncryptionHandler.getEncHandler(type).keyInputSize()];
        random.nextBytes(in);
        return EncryptionHandler.random2Key(type, in);
    }

    /** A ticket for ldap/dc1.example.test issued to alice, as a KDC would. */
    InitiatorTicket issueTicket() throws Exception {
        EncryptionKey session = randomKey(etype);
        PrincipalName client = new PrincipalName("alice", NameType.NT_PRINCIPAL);
        client.setRealm(REALM);
        EncTicketPart part = new EncTicketPart();
        part.setFlags(new TicketFlags(0));
        part.setKey(session);
        part.setCrealm(REALM);
        part.setCname(client);
        TransitedEncoding transited = new TransitedEncoding();
        transited.setTrType(TransitedEncodingType.DOMAIN_X500_COMPRESS);
        transited.setContents(new byte[0]);
        part.setTransited(transited);
        long now = System.currentTimeMillis();
        part.setAuthTime(new KerberosTime(now));
        part.setEndTime(new KerberosTime(now + 3_600_000));
        Ticket ticket = new Ticket();
        ticket.setSname(new PrincipalName("ldap/dc1.example.test", NameType.NT_SRV_INST));
        ticket.setRealm(REALM);
        ticket.setEncryptedEncPart(EncryptionHandler.encrypt(part.encode(), serviceKey, KeyUsage.KDC_REP_TICKET));
        return new InitiatorTicket(ticket, session, client, REALM);
    }

    /** Opens the framed AP-REQ and returns the framed AP-REP. */
    byte[] accept(byte[] token) throws Exception {
        byte[] body = unframe(token, 0x0100);
        apReq = new ApReq();
        apReq.decode(body);
        EncTicketPart part = new EncTicketPart();
        part.decode(EncryptionHandler.decrypt(apReq.getTicket().getEncryptedEncPart(), serviceKey,
                KeyUsage.KDC_REP_TICKET));
        sessionKey = part.getKey();
        authenticator = new Authenticator();
        authenticator.decode(EncryptionHandler.decrypt(apReq.getEncryptedAuthenticator(), sessionKey,
                KeyUsage.AP_REQ_AUTH));
        checksumType = AuthenticatorChecksum.typeOf(authenticator.getCksum());
        checksumValue = authenticator.getCksum().getChecksum();
        initiatorSubkey = authenticator.getSubKey();
        initiatorSeq = authenticator.getSeqNumber() & 0xffffffffL;

        acceptorSeq = random.nextInt() & 0x3fffffff;
        EncAPRepPart rep = new EncAPRepPart();
        rep.setCtime(authenticator.getCtime());
        rep.setCusec(authenticator.getCusec() + cusecDelta);
        if (sendSubkey) {
            acceptorSubkey = randomKey(etype);
            rep.setSubkey(acceptorSubkey);
        }
        rep.setSeqNumber((int) acceptorSeq);
        EncryptionKey replyKey = encryptReplyWithWrongKey ? randomKey(etype) : sessionKey;
        ApRep apRep = new ApRep();
        apRep.setEncryptedEncPart(EncryptionHandler.encrypt(rep.encode(), replyKey, KeyUsage.AP_REP_ENCPART));
        return frame(0x0200, apRep.encode());
    }

    boolean mutualRequested() {
        return apReq.getApOptions().isFlagSet(ApOption.MUTUAL_REQUIRED);
    }

    static byte[] krbErrorToken(KrbErrorCode code, String eText) throws Exception {
        KrbError error = new KrbError();
        error.setErrorCode(code);
        error.setEtext(eText);
        error.setStime(KerberosTime.now());
        error.setSusec(0);
        error.setRealm(REALM);
        error.setSname(new PrincipalName("ldap/dc1.example.test", NameType.NT_SRV_INST));
        return frame(0x0300, error.encode());
    }

    static byte[] frame(int tokenId, byte[] body) {
        int inner = KRB5_OID.length + 2 + body.length;
        ByteBuffer b = ByteBuffer.allocate(inner + 6);
        b.put((byte) 0x60);
        if (inner < 128) {
            b.put((byte) inner);
        } else if (inner < 256) {
            b.put((byte) 0x81).put((byte) inner);
        } else {
            b.put((byte) 0x82).putShort((short) inner);
        }
        b.put(KRB5_OID).putShort((short) tokenId).put(body);
        return Arrays.copyOf(b.array(), b.position());
    }

    static byte[] unframe(byte[] token, int expectedId) {
        if (token[0] != 0x60) {
            throw new AssertionError("not framed");
        }
        int pos = 1;
        int len = token[pos++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (token[pos++] & 0xff);
            }
        }
        if (len != token.length - pos) {
            throw new AssertionError("framing length " + len + " vs " + (token.length - pos));
        }
        if (!Arrays.equals(token, pos, pos + KRB5_OID.length, KRB5_OID, 0, KRB5_OID.length)) {
            throw new AssertionError("not the krb5 OID");
        }
        pos += KRB5_OID.length;
        int id = ((token[pos] & 0xff) << 8) | (token[pos + 1] & 0xff);
        if (id != expectedId) {
            throw new AssertionError(String.format("token id %04x", id));
        }
        return Arrays.copyOfRange(token, pos + 2, token.length);
    }

    // ---- RFC 4121 4.2, acceptor side, written from the RFC ----

    EncryptionKey contextKey() {
        return acceptorSubkey != null ? acceptorSubkey : initiatorSubkey;
    }

    int flagsOut() {
        return 0x01 | (acceptorSubkey != null ? 0x04 : 0);
    }

    /** An acceptor Wrap token; rrc rotates the part after the header to the right, as Heimdal does. */
    byte[] wrap(byte[] data, boolean conf, int rrc, long seq) throws Exception {
        EncTypeHandler enc = EncryptionHandler.getEncHandler(etype);
        byte[] body;
        int ec;
        int flags = flagsOut() | (conf ? 0x02 : 0);
        if (conf) {
            ec = 0;
            byte[] copy = header(0x0504, flags, ec, 0, seq);
            body = enc.encrypt(concat(data, copy), contextKey().getKeyData(), 22);
        } else {
            CheckSumTypeHandler ck = CheckSumHandler.getCheckSumHandler(enc.checksumType());
            ec = ck.outputSize();
            // RFC 4121 2: a Wrap token's checksum uses the SEAL usage too (what Heimdal and MIT do)
            byte[] mac = ck.checksumWithKey(concat(data, header(0x0504, flags, 0, 0, seq)),
                    contextKey().getKeyData(), 22);
            body = concat(data, mac);
        }
        return concat(header(0x0504, flags, ec, rrc, seq), rotateRight(body, rrc));
    }

    /** A sealed token whose encrypted header copy differs from the outer header in sequence number. */
    byte[] wrapWithMismatchedCopy(byte[] data, long seq) throws Exception {
        EncTypeHandler enc = EncryptionHandler.getEncHandler(etype);
        int flags = flagsOut() | 0x02;
        byte[] body = enc.encrypt(concat(data, header(0x0504, flags, 0, 0, seq + 7)), contextKey().getKeyData(), 22);
        return concat(header(0x0504, flags, 0, 0, seq), body);
    }

    byte[] mic(byte[] data, long seq) throws Exception {
        EncTypeHandler enc = EncryptionHandler.getEncHandler(etype);
        CheckSumTypeHandler ck = CheckSumHandler.getCheckSumHandler(enc.checksumType());
        byte[] h = ByteBuffer.allocate(16).putShort((short) 0x0404).put((byte) flagsOut())
                .put(new byte[] {-1, -1, -1, -1, -1}).putLong(seq).array();
        return concat(h, ck.checksumWithKey(concat(data, h), contextKey().getKeyData(), 23));
    }

    /** Opens an initiator Wrap token; returns the data, checking everything RFC 4121 asks. */
    byte[] unwrapFromInitiator(byte[] token, long expectedSeq) throws Exception {
        ByteBuffer h = ByteBuffer.wrap(token);
        check(h.getShort() == 0x0504, "tok id");
        int flags = h.get() & 0xff;
        check((flags & 0x01) == 0, "SentByAcceptor set by the initiator");
        check(((flags & 0x04) != 0) == (acceptorSubkey != null), "AcceptorSubkey flag");
        check((h.get() & 0xff) == 0xff, "filler");
        int ec = h.getShort() & 0xffff;
        int rrc = h.getShort() & 0xffff;
        long seq = h.getLong();
        check(seq == expectedSeq, "sequence " + seq + " != " + expectedSeq);
        byte[] body = rotateLeft(Arrays.copyOfRange(token, 16, token.length), rrc);
        EncTypeHandler enc = EncryptionHandler.getEncHandler(etype);
        if ((flags & 0x02) != 0) {
            byte[] plain = enc.decrypt(body, contextKey().getKeyData(), 24);
            byte[] copy = Arrays.copyOfRange(plain, plain.length - 16, plain.length);
            byte[] expected = header(0x0504, flags, ec, 0, seq);
            check(Arrays.equals(copy, expected), "header copy");
            return Arrays.copyOf(plain, plain.length - 16 - ec);
        }
        CheckSumTypeHandler ck = CheckSumHandler.getCheckSumHandler(enc.checksumType());
        check(ec == ck.outputSize(), "EC of unsealed token");
        byte[] data = Arrays.copyOf(body, body.length - ec);
        byte[] mac = ck.checksumWithKey(concat(data, header(0x0504, flags, 0, 0, seq)), contextKey().getKeyData(), 24);
        check(MessageDigest.isEqual(mac, Arrays.copyOfRange(body, body.length - ec, body.length)), "checksum");
        return data;
    }

    void verifyMicFromInitiator(byte[] data, byte[] token, long expectedSeq) throws Exception {
        ByteBuffer h = ByteBuffer.wrap(token);
        check(h.getShort() == 0x0404, "tok id");
        int flags = h.get() & 0xff;
        check((flags & 0x01) == 0 && ((flags & 0x04) != 0) == (acceptorSubkey != null), "flags");
        for (int i = 0; i < 5; i++) {
            check((h.get() & 0xff) == 0xff, "filler");
        }
        check(h.getLong() == expectedSeq, "sequence");
        EncTypeHandler enc = EncryptionHandler.getEncHandler(etype);
        CheckSumTypeHandler ck = CheckSumHandler.getCheckSumHandler(enc.checksumType());
        byte[] mac = ck.checksumWithKey(concat(data, Arrays.copyOf(token, 16)), contextKey().getKeyData(), 25);
        check(MessageDigest.isEqual(mac, Arrays.copyOfRange(token, 16, token.length)), "MIC checksum");
    }

    static byte[] header(int id, int flags, int ec, int rrc, long seq) {
        return ByteBuffer.allocate(16).putShort((short) id).put((byte) flags).put((byte) 0xff).putShort((short) ec)
                .putShort((short) rrc).putLong(seq).array();
    }

    static byte[] rotateRight(byte[] b, int rrc) {
        if (b.length == 0) {
            return b;
        }
        int r = rrc % b.length;
        byte[] out = new byte[b.length];
        System.arraycopy(b, b.length - r, out, 0, r);
        System.arraycopy(b, 0, out, r, b.length - r);
        return out;
    }

    static byte[] rotateLeft(byte[] b, int rrc) {
        return b.length == 0 ? b : rotateRight(b, b.length - rrc % b.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("acceptor check failed: " + what);
        }
    }
}
