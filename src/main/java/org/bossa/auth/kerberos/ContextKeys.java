package org.bossa.auth.kerberos;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.kerberos.gss.GssException;
import org.bossa.kerberos.gss.Krb5MessageProtection;

/**
 * The keys and sequence numbers of an accepted context, and the AP-REP that tells the initiator
 * about them.
 *
 * <p>With mutual authentication (RFC 4120 3.2.4, RFC 4121 4.1) the acceptor answers with an AP-REP
 * whose EncAPRepPart (key usage 12, under the ticket session key) repeats the authenticator's
 * ctime/cusec, asserts a fresh acceptor subkey of the enctype of the initiator's subkey (or of the
 * session key when the initiator sent none), as MIT and Windows do for RFC 4121 enctypes, and a
 * random initial sequence number. The context key is then the acceptor subkey, tokens carry the
 * AcceptorSubkey flag, we send from our sequence number and expect the initiator's (RFC 4121 2,
 * 4.1). MS-KILE 3.1.1.2: that subkey is also the session key the application (SMB) uses.
 *
 * <p>Without mutual authentication there is no AP-REP: the context key is the initiator's subkey,
 * else the ticket session key, and both directions start at the initiator's sequence number (RFC
 * 4121 4.1; the initiator side does the same in {@code Krb5InitiatorContext}).
 */
final class ContextKeys {
    /** MIT and Heimdal keep initial sequence numbers below 2^30 for peers that mishandle the sign bit. */
    private static final int SEQUENCE_MASK = 0x3fffffff;

    /**
     * @param key the context (and application session) key
     * @param acceptorSubkey whether {@code key} is an acceptor subkey we asserted
     * @param apRep the DER AP-REP (unframed), or null without mutual authentication
     */
    record Established(EncryptionKey key, boolean acceptorSubkey, byte[] apRep, Optional<Krb5MessageProtection> protection) {
    }

    private ContextKeys() {
    }

    /**
     * @param sessionKey the ticket session key
     * @param initiatorSubkey the authenticator's subkey, or null
     * @param initiatorSequence the authenticator's seq-number (0 when it has none, as MIT reads it)
     * @param ctimeSeconds the authenticator's ctime
     * @param cusec the authenticator's cusec
     */
    static Established establish(boolean mutual, EncryptionKey sessionKey, EncryptionKey initiatorSubkey,
            long initiatorSequence, long ctimeSeconds, int cusec, SecureRandom random) throws Rejection {
        EncryptionKey initiatorKey = initiatorSubkey != null ? initiatorSubkey : sessionKey;
        if (!mutual) {
            return new Established(initiatorKey, false, null,
                    protection(initiatorKey, false, initiatorSequence, initiatorSequence));
        }
        try {
            EncryptionType type = initiatorKey.getKeyType();
            EncTypeHandler handler = EncryptionHandler.getEncHandler(type);
            byte[] keyInput = new byte[handler.keyInputSize()];
            random.nextBytes(keyInput);
            EncryptionKey acceptorSubkey = EncryptionHandler.random2Key(type, keyInput);
            long acceptorSequence = random.nextInt() & SEQUENCE_MASK;

            EncAPRepPart part = new EncAPRepPart();
            part.setCtime(new KerberosTime(ctimeSeconds * 1000L));
            part.setCusec(cusec);
            part.setSubkey(acceptorSubkey);
            part.setSeqNumber((int) acceptorSequence);
            EncTypeHandler sessionHandler = EncryptionHandler.getEncHandler(sessionKey.getKeyType());
            EncryptedData sealed = new EncryptedData();
            sealed.setEType(sessionKey.getKeyType());
            sealed.setCipher(sessionHandler.encrypt(part.encode(), sessionKey.getKeyData(),
                    KeyUsage.AP_REP_ENCPART.getValue()));
            ApRep apRep = new ApRep();
            apRep.setEncryptedEncPart(sealed);
            return new Established(acceptorSubkey, true, apRep.encode(),
                    protection(acceptorSubkey, true, acceptorSequence, initiatorSequence));
        } catch (KrbException | IOException | RuntimeException e) {
            throw new Rejection(Kind.INTERNAL_ERROR, "cannot build the AP-REP: " + e.getClass().getSimpleName());
        }
    }

    /** RFC 4121 tokens exist for the AES enctypes only; an RC4 context (RFC 4757) gets none. */
    private static Optional<Krb5MessageProtection> protection(EncryptionKey key, boolean acceptorSubkey, long send,
            long receive) throws Rejection {
        EncryptionType type = key.getKeyType();
        if (type != EncryptionType.AES128_CTS_HMAC_SHA1_96 && type != EncryptionType.AES256_CTS_HMAC_SHA1_96) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Krb5MessageProtection(Krb5MessageProtection.Role.ACCEPTOR, key, acceptorSubkey,
                    send, receive));
        } catch (GssException e) {
            throw new Rejection(Kind.INTERNAL_ERROR, "cannot set up message protection: " + e.getMessage());
        }
    }
}
