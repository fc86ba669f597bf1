package org.bossa.auth.kerberos;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncTypeHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;
import org.bossa.auth.kerberos.AcceptResult.Accepted;
import org.bossa.auth.kerberos.AcceptResult.Rejected;
import org.bossa.auth.kerberos.AcceptResult.Rejected.Kind;
import org.bossa.auth.kerberos.KerbyDecoding.RawAuthenticator;
import org.bossa.auth.kerberos.KerbyDecoding.RawEncryptedData;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.Der.DerException;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.gss.AuthenticatorChecksum;
import org.bossa.kerberos.gss.ChannelBindings;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.GssException;
import org.bossa.text.LogSafe;

/**
 * The acceptor side of the Kerberos V5 GSS-API mechanism (RFC 4121 4.1, RFC 4120 3.2.3 and 3.2.4,
 * MS-KILE 3.4.5): verifies a client's AP-REQ with our own long-term keys, without the DC, and makes
 * the AP-REP for mutual authentication.
 *
 * <ol>
 * <li>The token: GSS-framed (OID 1.2.840.113554.1.2.2 or Windows' 1.2.840.48018.1.2.2, TOK_ID
 * 01 00) or a bare AP-REQ; at most {@link AcceptorPolicy#maxTokenBytes()}. pvno 5, msg-type 14;
 * USE-SESSION-KEY (user-to-user) is refused.</li>
 * <li>The ticket: its enctype allowed by policy (AES, RC4 only if allowed), the key found by
 * {@link ServiceKeys} from sname, realm, enctype and kvno, EncTicketPart decrypted with key usage 2;
 * not INVALID, started (starttime, else authtime, at most the skew ahead) and not expired (endtime
 * later than now minus the skew); its session key of an allowed enctype.</li>
 * <li>The authenticator: decrypted with the session key, key usage 11; its cname/crealm those of
 * the ticket; its ctime within the skew; its subkey, if any, of an allowed enctype; its checksum the
 * GSS 0x8003 type with no channel binding (SMB has none) and without DCE style.</li>
 * <li>The PAC is taken out of the ticket's AD-IF-RELEVANT, unverified (the caller validates it with
 * the service key this returns).</li>
 * <li>The authenticator enters the replay cache: only now, so that only authentic, otherwise
 * acceptable authenticators take a place in it.</li>
 * <li>With mutual authentication requested (the MUTUAL flag or the MUTUAL-REQUIRED ap-option), the
 * AP-REP; see {@link ContextKeys}.</li>
 * </ol>
 *
 * One instance serves every session: it holds no per-context state, and its collaborators are
 * thread-safe. {@link #accept} never throws for any input; each failure is a {@link Rejected} whose
 * reason names principals, enctypes, kvnos and times, never key material. It logs nothing: the
 * caller writes the audit line.
 */
public final class Krb5Acceptor {
    private static final int PVNO = 5;
    private static final int MSG_TYPE_AP_REQ = 14;
    private static final int TICKET_VNO = 5;
    private static final int AUTHENTICATOR_VNO = 5;
    private static final int TAG_AP_REQ = 0x6e; // [APPLICATION 14]
    private static final int TAG_ENC_TICKET_PART = 0x63; // [APPLICATION 3]
    private static final int TAG_AUTHENTICATOR = 0x62; // [APPLICATION 2]
    private static final int MAX_CUSEC = 999_999;
    /** GSS_C_DCE_STYLE (RFC 4757 7.1; MS-KILE 3.4.5.1): a three-leg exchange for DCE RPC, not SMB. */
    private static final int GSS_C_DCE_STYLE = 0x1000;
    private static final int FLAGS_OFFSET = 20;
    private static final byte[] NO_BINDINGS = new byte[16];
    /** The Bnd of an initiator that passed an empty, rather than no, channel-bindings structure. */
    private static final byte[] EMPTY_BINDINGS = new ChannelBindings(0, new byte[0], 0, new byte[0], new byte[0]).md5();

    /** What the ticket told us, once decrypted and checked. */
    private record OpenedTicket(KerberosName server, KerberosName client, String who, EncryptionKey serviceKey,
            EncTicketPart part, Instant authTime, Instant startTime, Instant endTime, EncryptionKey sessionKey) {
    }

    /** What the authenticator told us, once decrypted and checked. */
    private record OpenedAuthenticator(byte[] ciphertext, long ctimeSeconds, int cusec, Instant time,
            EncryptionKey subkey, Set<ContextFlag> requested, long sequence) {
    }

    private final ServiceKeys keys;
    private final ReplayCache replayCache;
    private final AcceptorPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    public Krb5Acceptor(ServiceKeys keys, ReplayCache replayCache, AcceptorPolicy policy, Clock clock,
            SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public AcceptorPolicy policy() {
        return policy;
    }

    /** Verifies one context token (the client's first); see the class comment for the checks. */
    public AcceptResult accept(byte[] gssToken) {
        try {
            return acceptOrThrow(gssToken);
        } catch (Rejection r) {
            return r.toResult();
        } catch (RuntimeException e) {
            // Kerby on input our checks did not foresee; the class name only, the message may quote the input
            return new Rejected("the AP-REQ could not be processed (" + e.getClass().getSimpleName() + ")",
                    Kind.MALFORMED);
        }
    }

    private Accepted acceptOrThrow(byte[] token) throws Rejection {
        if (token == null) {
            throw new Rejection(Kind.MALFORMED, "no context token");
        }
        if (token.length > policy.maxTokenBytes()) {
            throw new Rejection(Kind.TOO_LARGE, "the context token is " + token.length + " bytes, more than the "
                    + policy.maxTokenBytes() + " accepted");
        }
        Instant now = clock.instant();
        GssFraming.Unframed unframed = GssFraming.apReq(token);
        KerbyDecoding.checkShape(unframed.message(), "the AP-REQ");
        checkApReqHeader(unframed.message());
        ApReq apReq = KerbyDecoding.decode(unframed.message(), TAG_AP_REQ, ApReq::new, "the AP-REQ");
        ApOptions options = apReq.getApOptions();
        if (options == null) {
            throw new Rejection(Kind.MALFORMED, "the AP-REQ has no ap-options");
        }
        if (options.isFlagSet(ApOption.USE_SESSION_KEY)) {
            throw new Rejection(Kind.UNSUPPORTED_OPTION, "the AP-REQ asks for USE-SESSION-KEY (user-to-user), "
                    + "which is not supported");
        }
        OpenedTicket ticket = openTicket(apReq.getTicket(), now);
        OpenedAuthenticator authenticator = openAuthenticator(apReq, ticket, now);
        Optional<byte[]> pac = PacFinder.find(ticket.part().getAuthorizationData());
        remember(ticket, authenticator, now);

        boolean mutual = options.isFlagSet(ApOption.MUTUAL_REQUIRED)
                || authenticator.requested().contains(ContextFlag.MUTUAL);
        ContextKeys.Established context = ContextKeys.establish(mutual, ticket.sessionKey(), authenticator.subkey(),
                authenticator.sequence(), authenticator.ctimeSeconds(), authenticator.cusec(), random);
        EnumSet<ContextFlag> flags = EnumSet.noneOf(ContextFlag.class);
        flags.addAll(authenticator.requested());
        flags.remove(ContextFlag.DELEGATION); // a delegated credential, if sent, is ignored
        if (mutual) {
            flags.add(ContextFlag.MUTUAL);
        }
        byte[] output = context.apRep() == null ? new byte[0]
                : GssFraming.frame(unframed.mechOid(), GssFraming.TOK_AP_REP, context.apRep());
        EncryptionKey contextKey = context.key();
        return new Accepted(ticket.client(), ticket.server(), ticket.authTime(), ticket.startTime(), ticket.endTime(),
                ticket.serviceKey(), pac, contextKey.getKeyData(), contextKey.getKeyType().getValue(), output, flags,
                context.protection());
    }

    /** Finds our key for the ticket, decrypts it and checks its flags, times and session key. */
    private OpenedTicket openTicket(Ticket ticket, Instant now) throws Rejection {
        if (ticket == null || ticket.getEncryptedEncPart() == null) {
            throw new Rejection(Kind.MALFORMED, "the AP-REQ has no ticket");
        }
        if (ticket.getTktvno() != TICKET_VNO) {
            throw new Rejection(Kind.MALFORMED, "the ticket's tkt-vno is " + ticket.getTktvno() + ", not 5");
        }
        KerberosName server = name(ticket.getSname(), ticket.getRealm(), "the ticket's server");
        String serverText = LogSafe.quote(server.toString());
        RawEncryptedData enc = RawEncryptedData.of(ticket.getEncryptedEncPart(), "the ticket's enc-part");
        int etype = enc.etype();
        if (!policy.allows(etype)) {
            throw new Rejection(Kind.ENCTYPE_NOT_ALLOWED, "the ticket for " + serverText + " is encrypted with "
                    + Enctypes.name(etype) + ", which is not allowed");
        }
        OptionalLong kvno = enc.kvno();
        EncryptionKey serviceKey = serviceKey(server, etype, kvno);
        String keyText = "kvno " + (kvno.isPresent() ? kvno.getAsLong() : serviceKey.getKvno() + " (newest)") + " "
                + Enctypes.name(etype) + " key of " + serverText;
        byte[] plain = decrypt(enc, serviceKey, KeyUsage.KDC_REP_TICKET, "the ticket", keyText);
        EncTicketPart part = KerbyDecoding.decode(plain, TAG_ENC_TICKET_PART, EncTicketPart::new,
                "the ticket's EncTicketPart");
        KerberosName client = name(part.getCname(), part.getCrealm(), "the ticket's client");
        String who = LogSafe.quote(client.toString()) + " for " + serverText;
        TicketFlags flags = part.getFlags();
        if (flags != null && flags.isInvalid()) {
            throw new Rejection(Kind.TICKET_INVALID, "the ticket of " + who + " carries the INVALID flag");
        }
        Duration skew = policy.clockSkew();
        Instant authTime = instant(part.getAuthTime(), "authtime");
        Instant startTime = part.getStartTime() == null ? authTime : instant(part.getStartTime(), "starttime");
        Instant endTime = instant(part.getEndTime(), "endtime");
        if (startTime.isAfter(now.plus(skew))) {
            throw new Rejection(Kind.TICKET_NOT_YET_VALID, "the ticket of " + who + " starts at " + startTime
                    + ", more than " + skew.toSeconds() + " s after our clock's " + now);
        }
        if (!endTime.isAfter(now.minus(skew))) {
            throw new Rejection(Kind.TICKET_EXPIRED, "the ticket of " + who + " expired at " + endTime
                    + " (our clock " + now + ", skew " + skew.toSeconds() + " s)");
        }
        EncryptionKey sessionKey = part.getKey();
        checkKey(sessionKey, "the ticket's session key");
        return new OpenedTicket(server, client, who, serviceKey, part, authTime, startTime, endTime, sessionKey);
    }

    /** Decrypts the authenticator with the session key and checks client, time, subkey and checksum. */
    private OpenedAuthenticator openAuthenticator(ApReq apReq, OpenedTicket ticket, Instant now) throws Rejection {
        if (apReq.getEncryptedAuthenticator() == null) {
            throw new Rejection(Kind.MALFORMED, "the AP-REQ has no authenticator");
        }
        String who = ticket.who();
        RawEncryptedData enc = RawEncryptedData.of(apReq.getEncryptedAuthenticator(), "the authenticator");
        int sessionEtype = ticket.sessionKey().getKeyType().getValue();
        if (enc.etype() != sessionEtype) {
            throw new Rejection(Kind.DECRYPT_FAILED, "the authenticator of " + who + " is encrypted with "
                    + Enctypes.name(enc.etype()) + ", the session key is " + Enctypes.name(sessionEtype));
        }
        byte[] plain = decrypt(enc, ticket.sessionKey(), KeyUsage.AP_REQ_AUTH, "the authenticator",
                "the ticket's session key (" + who + ")");
        RawAuthenticator authenticator = KerbyDecoding.decode(plain, TAG_AUTHENTICATOR, RawAuthenticator::new,
                "the authenticator");
        if (authenticator.rawVersion() != AUTHENTICATOR_VNO) {
            throw new Rejection(Kind.MALFORMED, "the authenticator's version is " + authenticator.rawVersion()
                    + ", not 5");
        }
        KerberosName claimed = name(authenticator.getCname(), authenticator.getCrealm(), "the authenticator's client");
        KerberosName client = ticket.client();
        if (!claimed.components().equals(client.components()) || !claimed.realm().equals(client.realm())) {
            throw new Rejection(Kind.CLIENT_MISMATCH, "the authenticator names " + LogSafe.quote(claimed.toString())
                    + " but the ticket was issued to " + who);
        }
        KerberosTime ctime = authenticator.getCtime();
        int cusec = authenticator.rawCusec();
        if (ctime == null || cusec < 0 || cusec > MAX_CUSEC) {
            throw new Rejection(Kind.MALFORMED, "the authenticator of " + who + " has no valid ctime/cusec");
        }
        long ctimeSeconds = Math.floorDiv(instant(ctime, "ctime").toEpochMilli(), 1000L);
        Instant time = Instant.ofEpochSecond(ctimeSeconds, cusec * 1000L);
        Duration skew = policy.clockSkew();
        if (Duration.between(time, now).abs().compareTo(skew) > 0) {
            throw new Rejection(Kind.SKEW, "the authenticator of " + who + " is dated " + time + ", our clock says "
                    + now + ": more than the " + skew.toSeconds() + " s allowed");
        }
        EncryptionKey subkey = authenticator.getSubKey();
        if (subkey != null) {
            checkKey(subkey, "the authenticator's subkey");
        }
        Set<ContextFlag> requested = checkChecksum(authenticator.getCksum(), who);
        return new OpenedAuthenticator(enc.getCipher(), ctimeSeconds, cusec, time, subkey, requested,
                authenticator.sequenceNumber().orElse(0));
    }

    /** Enters the authenticator in the replay cache: last, so only authentic, acceptable ones take a place. */
    private void remember(OpenedTicket ticket, OpenedAuthenticator authenticator, Instant now) throws Rejection {
        ReplayCache.Entry entry = new ReplayCache.Entry(ticket.client().toString(), ticket.server().toString(),
                authenticator.ctimeSeconds(), authenticator.cusec(), authenticator.ciphertext());
        // a replay would pass the skew check until ctime + skew; the entry must live as long
        switch (replayCache.admit(entry, authenticator.time().plus(policy.clockSkew()), now)) {
            case FRESH -> { }
            case REPLAY -> throw new Rejection(Kind.REPLAY, "the authenticator of " + ticket.who() + " dated "
                    + authenticator.time() + " was already used (a replayed AP-REQ)");
            case FULL -> throw new Rejection(Kind.REPLAY_CACHE_FULL, "the replay cache holds its limit of "
                    + replayCache.maxEntries() + " unexpired authenticators; refusing the AP-REQ of " + ticket.who());
            case CLIENT_FULL -> throw new Rejection(Kind.REPLAY_CACHE_FULL, ticket.who() + " already holds "
                    + replayCache.maxPerClient() + " unexpired authenticators, its share of the replay cache; refusing its AP-REQ");
        }
    }

    /** pvno and msg-type straight from the DER: Kerby would report its own defaults for absent fields. */
    private static void checkApReqHeader(byte[] message) throws Rejection {
        try {
            Der.Tlv body = Der.unwrap(Der.readWhole(message));
            if (body.tag() != Der.SEQUENCE) {
                throw new Rejection(Kind.MALFORMED, "the AP-REQ is not a SEQUENCE");
            }
            List<Der.Tlv> fields = Der.children(body);
            if (fields.size() < 2 || fields.get(0).tag() != Der.context(0) || fields.get(1).tag() != Der.context(1)) {
                throw new Rejection(Kind.MALFORMED, "the AP-REQ does not start with pvno and msg-type");
            }
            long pvno = Der.integer(Der.unwrap(fields.get(0)));
            long msgType = Der.integer(Der.unwrap(fields.get(1)));
            if (pvno != PVNO) {
                throw new Rejection(Kind.MALFORMED, "the AP-REQ's protocol version is " + pvno + ", not 5");
            }
            if (msgType != MSG_TYPE_AP_REQ) {
                throw new Rejection(Kind.MALFORMED, "the message type is " + msgType + ", not AP-REQ (14)");
            }
        } catch (DerException e) {
            throw new Rejection(Kind.MALFORMED, "the AP-REQ is not valid DER: " + e.getMessage());
        }
    }

    private EncryptionKey serviceKey(KerberosName server, int etype, OptionalLong kvno) throws Rejection {
        return switch (keys.find(server, etype, kvno)) {
            case ServiceKeys.Found found -> found.key();
            case ServiceKeys.Missing missing -> throw new Rejection(switch (missing.cause()) {
                case UNKNOWN_PRINCIPAL -> Kind.UNKNOWN_PRINCIPAL;
                case UNKNOWN_KVNO -> Kind.UNKNOWN_KVNO;
                case NO_KEY_FOR_ENCTYPE -> Kind.NO_KEY_FOR_ENCTYPE;
                case UNAVAILABLE -> Kind.KEYS_UNAVAILABLE;
            }, missing.detail());
        };
    }

    /** Decrypts with {@code key}; any failure is the wrong key or altered ciphertext. */
    private static byte[] decrypt(RawEncryptedData data, EncryptionKey key, KeyUsage usage, String what,
            String keyText) throws Rejection {
        byte[] cipher = data.getCipher();
        if (cipher == null) {
            throw new Rejection(Kind.MALFORMED, what + " has no cipher");
        }
        try {
            return EncryptionHandler.getEncHandler(key.getKeyType()).decrypt(cipher, key.getKeyData(),
                    usage.getValue());
        } catch (KrbException | RuntimeException e) {
            throw new Rejection(Kind.DECRYPT_FAILED, what + " does not decrypt with the " + keyText
                    + ": a wrong key or altered ciphertext");
        }
    }

    /** A session key or subkey: of an allowed enctype and the right length for it. */
    private void checkKey(EncryptionKey key, String what) throws Rejection {
        if (key == null || key.getKeyData() == null) {
            throw new Rejection(Kind.MALFORMED, what + " is missing");
        }
        int etype = key.getKeyType().getValue();
        if (!policy.allows(etype)) {
            throw new Rejection(Kind.ENCTYPE_NOT_ALLOWED, what + " is " + Enctypes.name(etype) + ", which is not allowed");
        }
        try {
            EncTypeHandler handler = EncryptionHandler.getEncHandler(key.getKeyType());
            if (key.getKeyData().length != handler.keySize()) {
                throw new Rejection(Kind.MALFORMED, what + " is " + key.getKeyData().length + " bytes, "
                        + Enctypes.name(etype) + " keys are " + handler.keySize());
            }
        } catch (KrbException e) {
            throw new Rejection(Kind.ENCTYPE_NOT_ALLOWED, what + " is " + Enctypes.name(etype) + ", not implemented");
        }
    }

    /**
     * The GSS checksum (RFC 4121 4.1.1): type 0x8003, no channel binding, not DCE style. Returns the
     * requested flags. MS-KILE lets Windows accept an authenticator without a checksum (then with no
     * flags), and MIT follows; we require it, as every GSS initiator SMB clients use sends it.
     */
    private static Set<ContextFlag> checkChecksum(CheckSum checksum, String who) throws Rejection {
        if (checksum == null) {
            throw new Rejection(Kind.BAD_CHECKSUM, "the authenticator of " + who
                    + " has no checksum; the GSS checksum (0x8003) is required");
        }
        AuthenticatorChecksum parsed;
        byte[] value = checksum.getChecksum();
        try {
            int type = AuthenticatorChecksum.typeOf(checksum);
            if (type != AuthenticatorChecksum.CHECKSUM_TYPE) {
                throw new Rejection(Kind.BAD_CHECKSUM, "the authenticator checksum of " + who + " is of type " + type
                        + ", not the GSS checksum 0x8003");
            }
            if (value == null) {
                throw new Rejection(Kind.BAD_CHECKSUM, "the authenticator checksum of " + who + " is empty");
            }
            parsed = AuthenticatorChecksum.decode(value);
        } catch (GssException e) {
            throw new Rejection(Kind.BAD_CHECKSUM, "the authenticator checksum of " + who + ": " + e.getMessage());
        }
        int rawFlags = ByteBuffer.wrap(value, FLAGS_OFFSET, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((rawFlags & GSS_C_DCE_STYLE) != 0) {
            throw new Rejection(Kind.UNSUPPORTED_OPTION, "the client of " + who
                    + " asks for DCE-style context establishment, which is not supported");
        }
        byte[] bnd = parsed.bindingHash();
        // MIT and Heimdal ignore a binding the acceptor cannot check; refusing it tells a client that
        // meant to bind to a channel (a TLS tunnel) that the binding did not happen.
        if (!Arrays.equals(bnd, NO_BINDINGS) && !Arrays.equals(bnd, EMPTY_BINDINGS)) {
            throw new Rejection(Kind.CHANNEL_BINDINGS, "the client of " + who
                    + " bound the context to a channel; this acceptor has no channel bindings to compare");
        }
        return parsed.flags();
    }

    private static KerberosName name(PrincipalName name, String realm, String what) throws Rejection {
        if (name == null || name.getNameStrings() == null || realm == null) {
            throw new Rejection(Kind.MALFORMED, what + " has no name or realm");
        }
        try {
            return KerberosName.fromKerby(name, realm);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Rejection(Kind.MALFORMED, what + " has an empty name or realm");
        }
    }

    private static Instant instant(KerberosTime time, String field) throws Rejection {
        if (time == null || time.getValue() == null) {
            throw new Rejection(Kind.MALFORMED, "the " + field + " is missing");
        }
        return Instant.ofEpochMilli(time.getTime());
    }
}
