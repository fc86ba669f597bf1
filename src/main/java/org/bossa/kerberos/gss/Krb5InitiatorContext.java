package org.bossa.kerberos.gss;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apache.kerby.asn1.type.Asn1Integer;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;

/**
 * The initiator side of a Kerberos V5 GSS-API security context (RFC 4121), built on a service
 * ticket the caller already holds.
 *
 * <ol>
 * <li>{@link #initialToken()}: the framed AP-REQ (token id 01 00). Its Authenticator carries the
 * 0x8003 checksum (channel-binding hash and the requested flags), a fresh random subkey of the
 * session key's enctype, a random sequence number and ctime/cusec.</li>
 * <li>With {@link ContextFlag#MUTUAL}, {@link #acceptToken(byte[])} takes the acceptor's answer: an
 * AP-REP (02 00), whose EncAPRepPart (key usage 12) must echo our ctime/cusec and may assert an
 * acceptor subkey and sequence number; or a KRB-ERROR (03 00), thrown as {@link GssError#KRB_ERROR}.</li>
 * <li>Once established, {@link #wrap}, {@link #unwrap}, {@link #getMic} and {@link #verifyMic} use
 * the acceptor subkey if asserted, else our subkey (RFC 4121 2).</li>
 * </ol>
 *
 * A failed {@link #acceptToken} leaves the context unusable, as a GSS context is after an error.
 */
public final class Krb5InitiatorContext {
    private enum State { NEW, AWAITING_REPLY, ESTABLISHED, FAILED }

    private static final int AUTHENTICATOR_VNO = 5;
    /** MIT and Heimdal keep initial sequence numbers below 2^30 for peers that mishandle the sign bit. */
    private static final int SEQUENCE_MASK = 0x3fffffff;

    private final InitiatorTicket ticket;
    private final EnumSet<ContextFlag> flags;
    private final ChannelBindings bindings;
    private final SecureRandom random;
    private final Clock clock;

    private State state = State.NEW;
    private EncryptionKey subkey;
    private long initiatorSequence;
    private long ctimeSeconds;
    private int cusec;
    private Krb5MessageProtection protection;
    private byte[] contextKey;

    /**
     * @param ticket the service ticket for the acceptor's principal
     * @param flags the flags to request; {@link ContextFlag#DELEGATION} is not supported
     * @param bindings channel bindings, or null for none
     */
    public Krb5InitiatorContext(InitiatorTicket ticket, Set<ContextFlag> flags, ChannelBindings bindings)
            throws GssException {
        this(ticket, flags, bindings, new SecureRandom(), Clock.systemUTC());
    }

    /** As above, with the randomness and the clock given (tests). */
    public Krb5InitiatorContext(InitiatorTicket ticket, Set<ContextFlag> flags, ChannelBindings bindings,
            SecureRandom random, Clock clock) throws GssException {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.flags = flags.isEmpty() ? EnumSet.noneOf(ContextFlag.class) : EnumSet.copyOf(flags);
        if (this.flags.contains(ContextFlag.DELEGATION)) {
            throw new IllegalArgumentException("credential delegation is not supported");
        }
        this.bindings = bindings;
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        EncryptionType type = ticket.sessionKey().getKeyType();
        if (type != EncryptionType.AES128_CTS_HMAC_SHA1_96 && type != EncryptionType.AES256_CTS_HMAC_SHA1_96) {
            throw new GssException(GssError.UNSUPPORTED_ENCTYPE,
                    "the session key is " + (type == null ? "unknown" : type.getName()) + "; AES is required");
        }
    }

    /** The flags this context requested (and, once established, provides). */
    public Set<ContextFlag> flags() {
        return EnumSet.copyOf(flags);
    }

    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    /** The first context token: the framed AP-REQ. Callable once. */
    public synchronized byte[] initialToken() throws GssException {
        if (state != State.NEW) {
            throw new GssException(GssError.CONTEXT_STATE, "the AP-REQ was already produced");
        }
        EncryptionKey sessionKey = ticket.sessionKey();
        byte[] token;
        try {
            EncTypeHandler handler = EncryptionHandler.getEncHandler(sessionKey.getKeyType());
            byte[] keyInput = new byte[handler.keyInputSize()];
            random.nextBytes(keyInput);
            subkey = EncryptionHandler.random2Key(sessionKey.getKeyType(), keyInput);
            initiatorSequence = random.nextInt() & SEQUENCE_MASK;
            Instant now = clock.instant();
            ctimeSeconds = now.getEpochSecond();
            cusec = now.getNano() / 1000;

            Authenticator authenticator = new Authenticator();
            authenticator.setAuthenticatorVno(AUTHENTICATOR_VNO);
            authenticator.setCrealm(ticket.clientRealm());
            authenticator.setCname(ticket.clientName());
            authenticator.setCksum(AuthenticatorChecksum.of(bindings, flags).toKerby());
            authenticator.setCusec(cusec);
            authenticator.setCtime(new KerberosTime(ctimeSeconds * 1000L));
            authenticator.setSubKey(subkey);
            authenticator.setSeqNumber((int) initiatorSequence);
            EncryptedData sealed = EncryptionHandler.encrypt(authenticator.encode(), sessionKey,
                    KeyUsage.AP_REQ_AUTH);

            ApReq apReq = new ApReq();
            apReq.setApOptions(new ApOptions(flags.contains(ContextFlag.MUTUAL)
                    ? ApOption.MUTUAL_REQUIRED.getValue() : 0));
            apReq.setTicket(ticket.ticket());
            apReq.setEncryptedAuthenticator(sealed);
            token = new Krb5MechToken(Krb5MechToken.AP_REQ, apReq.encode()).encode();
        } catch (KrbException | IOException e) {
            state = State.FAILED;
            throw new GssException(GssError.CRYPTO_FAILURE, "cannot build the AP-REQ", e);
        }
        if (flags.contains(ContextFlag.MUTUAL)) {
            state = State.AWAITING_REPLY;
        } else {
            // RFC 4121 4.1: without mutual authentication both directions start at our sequence number
            establish(subkey, false, initiatorSequence);
        }
        return token;
    }

    /**
     * Processes the acceptor's reply: an AP-REP establishes the context; a KRB-ERROR is thrown as
     * {@link GssError#KRB_ERROR} with its code.
     */
    public synchronized void acceptToken(byte[] token) throws GssException {
        if (state != State.AWAITING_REPLY) {
            throw new GssException(GssError.CONTEXT_STATE, "no reply is expected in state " + state);
        }
        try {
            Krb5MechToken framed = Krb5MechToken.decode(token);
            switch (framed.tokenId()) {
                case Krb5MechToken.AP_REP -> acceptApRep(framed.body());
                case Krb5MechToken.KRB_ERROR -> throw krbError(framed.body());
                default -> throw new GssException(GssError.WRONG_TOKEN_ID,
                        String.format("expected an AP-REP (02 00) or KRB-ERROR (03 00), got %04x", framed.tokenId()));
            }
        } catch (GssException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private void acceptApRep(byte[] body) throws GssException {
        ApRep apRep = new ApRep();
        try {
            apRep.decode(body);
        } catch (IOException | RuntimeException e) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "the AP-REP does not decode", e);
        }
        EncryptedData encPart = apRep.getEncryptedEncPart();
        if (encPart == null || encPart.getCipher() == null) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "the AP-REP has no enc-part");
        }
        byte[] plain;
        try {
            plain = EncryptionHandler.decrypt(encPart, ticket.sessionKey(), KeyUsage.AP_REP_ENCPART);
        } catch (KrbException | RuntimeException e) {
            throw new GssException(GssError.BAD_INTEGRITY, "the AP-REP does not decrypt with the session key", e);
        }
        RawEncApRepPart part = new RawEncApRepPart();
        try {
            part.decode(plain);
        } catch (IOException | RuntimeException e) {
            throw new GssException(GssError.DEFECTIVE_TOKEN, "EncAPRepPart does not decode", e);
        }
        KerberosTime ctime = part.getCtime();
        if (ctime == null || ctime.getTime() / 1000 != ctimeSeconds || part.getCusec() != cusec) {
            throw new GssException(GssError.MUTUAL_AUTH_FAILED, "ctime/cusec differ from the authenticator's");
        }
        EncryptionKey acceptorSubkey = part.getSubkey();
        long acceptorSequence = part.rawSequenceNumber();
        if (acceptorSubkey != null) {
            establish(acceptorSubkey, true, acceptorSequence);
        } else {
            establish(subkey, false, acceptorSequence);
        }
    }

    private void establish(EncryptionKey key, boolean acceptorSubkey, long acceptorSequence) throws GssException {
        contextKey = key.getKeyData().clone();
        protection = new Krb5MessageProtection(Krb5MessageProtection.Role.INITIATOR, key, acceptorSubkey,
                initiatorSequence, acceptorSequence);
        state = State.ESTABLISHED;
    }

    private static GssException krbError(byte[] body) {
        KrbError error = new KrbError();
        try {
            error.decode(body);
        } catch (IOException | RuntimeException e) {
            return new GssException(GssError.DEFECTIVE_TOKEN, "the KRB-ERROR does not decode", e);
        }
        return GssException.krbError(error.getErrorCode(), error.getEtext());
    }

    /** GSS_Wrap. */
    public byte[] wrap(byte[] data, boolean confidential) throws GssException {
        if (confidential && !flags.contains(ContextFlag.CONFIDENTIALITY)) {
            throw new GssException(GssError.CONTEXT_STATE, "confidentiality was not requested for this context");
        }
        return established().wrap(data, confidential);
    }

    /** GSS_Unwrap. */
    public Krb5MessageProtection.Unwrapped unwrap(byte[] token) throws GssException {
        return established().unwrap(token);
    }

    /** GSS_GetMIC. */
    public byte[] getMic(byte[] data) throws GssException {
        return established().getMic(data);
    }

    /** GSS_VerifyMIC; throws when the MIC does not verify or is out of sequence. */
    public void verifyMic(byte[] data, byte[] token) throws GssException {
        established().verifyMic(data, token);
    }

    /**
     * The established context's key, what GSS_Inquire_sec_context_by_oid(GSS_C_INQ_SSPI_SESSION_KEY)
     * answers: the acceptor's subkey if it asserted one, else ours (MS-KILE 3.1.1.2). SMB derives its
     * signing and encryption keys from it.
     */
    public synchronized byte[] sessionKey() throws GssException {
        established();
        return contextKey.clone();
    }

    /** The per-message protection of the established context (sizes, or a caller's own framing). */
    public Krb5MessageProtection protection() throws GssException {
        return established();
    }

    private synchronized Krb5MessageProtection established() throws GssException {
        if (state != State.ESTABLISHED) {
            throw new GssException(GssError.CONTEXT_STATE, "the context is not established (" + state + ")");
        }
        return protection;
    }

    /**
     * EncAPRepPart with the sequence number read as the unsigned 32-bit value RFC 4120 defines;
     * Kerby's accessor truncates it to a signed int and answers -1 when it is absent.
     */
    private static final class RawEncApRepPart extends EncAPRepPart {
        long rawSequenceNumber() {
            Asn1Integer value = getFieldAs(EncAPRepPartField.SEQ_NUMBER, Asn1Integer.class);
            if (value == null || value.getValue() == null) {
                return 0;
            }
            BigInteger v = value.getValue();
            return v.longValue() & 0xffffffffL;
        }
    }
}
