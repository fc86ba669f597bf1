package org.bossa.kerberos.gss;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * The SASL "GSSAPI" mechanism (RFC 4752) over {@link Krb5InitiatorContext}, for a SASL bind such as
 * LDAP's. The exchange:
 * <ol>
 * <li>initial response: the AP-REQ (mutual authentication requested);</li>
 * <li>the server's AP-REP establishes the context; we answer with an empty response;</li>
 * <li>the server's wrapped four-byte offer (layer bit mask, maximum wrapped size it receives); we
 * choose the strongest offered layer not above {@link SaslGssapiOptions#maximum()} and not below
 * {@link SaslGssapiOptions#minimum()}, and answer with the wrapped choice, our maximum receive size
 * and the authzid (RFC 4752 3.1, wrapped without confidentiality).</li>
 * </ol>
 * Afterwards {@link #wrap} and {@link #unwrap} protect each message of the connection: sealed for
 * auth-conf (and unsealed incoming messages are then refused), signed for auth-int.
 *
 * <p>{@link #wrap} and {@link #unwrap} may run on different threads (a writer and a reader).
 */
public final class GssapiSaslClient implements SaslClient {
    public static final String MECHANISM = "GSSAPI";

    private enum Step { INITIAL, AWAITING_AP_REP, AWAITING_OFFER, COMPLETE, DISPOSED }

    private final Krb5InitiatorContext context;
    private final SaslGssapiOptions options;
    private volatile Step step = Step.INITIAL;
    private volatile SaslSecurityLayer layer;
    private volatile int sendLimit;
    private volatile int receiveLimit;

    /** A client whose context requests the GSS flags the options' maximum layer needs. */
    public static GssapiSaslClient create(InitiatorTicket ticket, SaslGssapiOptions options) throws GssException {
        return new GssapiSaslClient(new Krb5InitiatorContext(ticket, flagsFor(options.maximum()),
                options.channelBindings()), options);
    }

    /** A client over a context the caller built (it must request mutual authentication). */
    public GssapiSaslClient(Krb5InitiatorContext context, SaslGssapiOptions options) {
        if (!context.flags().contains(ContextFlag.MUTUAL)) {
            throw new IllegalArgumentException("RFC 4752 needs mutual authentication");
        }
        this.context = context;
        this.options = options;
    }

    /** Mutual always; sequence and integrity for a signed layer; confidentiality for a sealed one. */
    static Set<ContextFlag> flagsFor(SaslSecurityLayer maximum) {
        Set<ContextFlag> flags = EnumSet.of(ContextFlag.MUTUAL);
        if (maximum.atLeast(SaslSecurityLayer.INTEGRITY)) {
            flags.add(ContextFlag.SEQUENCE);
            flags.add(ContextFlag.INTEGRITY);
        }
        if (maximum.atLeast(SaslSecurityLayer.CONFIDENTIALITY)) {
            flags.add(ContextFlag.CONFIDENTIALITY);
        }
        return flags;
    }

    @Override
    public String getMechanismName() {
        return MECHANISM;
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public synchronized byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        try {
            switch (step) {
                case INITIAL -> {
                    if (challenge != null && challenge.length > 0) {
                        throw new GssapiSaslException(GssapiSaslException.Reason.UNEXPECTED_CHALLENGE,
                                "the server sent a challenge before the initial response");
                    }
                    byte[] apReq = context.initialToken();
                    step = Step.AWAITING_AP_REP;
                    return apReq;
                }
                case AWAITING_AP_REP -> {
                    if (challenge == null || challenge.length == 0) {
                        throw new GssapiSaslException(GssapiSaslException.Reason.UNEXPECTED_CHALLENGE,
                                "the server sent no AP-REP");
                    }
                    context.acceptToken(challenge);
                    step = Step.AWAITING_OFFER;
                    return new byte[0];
                }
                case AWAITING_OFFER -> {
                    byte[] answer = answerOffer(challenge);
                    step = Step.COMPLETE;
                    return answer;
                }
                default -> throw new GssapiSaslException(GssapiSaslException.Reason.UNEXPECTED_CHALLENGE,
                        "the exchange is already " + step.name().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (GssException e) {
            step = Step.DISPOSED;
            throw new GssapiSaslException(e);
        } catch (GssapiSaslException e) {
            step = Step.DISPOSED; // a failed exchange is not resumed
            throw e;
        }
    }

    private byte[] answerOffer(byte[] challenge) throws GssException, GssapiSaslException {
        if (challenge == null || challenge.length == 0) {
            throw new GssapiSaslException(GssapiSaslException.Reason.BAD_LAYER_OFFER,
                    "the server sent no security layer offer");
        }
        byte[] offer = context.unwrap(challenge).data();
        if (offer.length != 4) {
            throw new GssapiSaslException(GssapiSaslException.Reason.BAD_LAYER_OFFER,
                    "the security layer offer is " + offer.length + " bytes, not 4");
        }
        int offered = offer[0] & 0xff;
        int serverMax = ((offer[1] & 0xff) << 16) | ((offer[2] & 0xff) << 8) | (offer[3] & 0xff);
        SaslSecurityLayer chosen = null;
        for (SaslSecurityLayer candidate : SaslSecurityLayer.values()) {
            if ((offered & candidate.bit()) != 0 && candidate.atLeast(options.minimum())
                    && options.maximum().atLeast(candidate)) {
                chosen = candidate; // values() ascend, so the strongest acceptable one wins
            }
        }
        if (chosen == null) {
            throw new GssapiSaslException(GssapiSaslException.Reason.NO_ACCEPTABLE_LAYER, String.format(
                    "the server offers layers 0x%02x; at least %s is required", offered, options.minimum().qop()));
        }
        int ourMax = chosen == SaslSecurityLayer.NONE ? 0 : options.maxReceiveSize();
        byte[] authzid = options.authorizationId() == null ? new byte[0]
                : options.authorizationId().getBytes(StandardCharsets.UTF_8);
        byte[] answer = new byte[4 + authzid.length];
        answer[0] = (byte) chosen.bit();
        answer[1] = (byte) (ourMax >>> 16);
        answer[2] = (byte) (ourMax >>> 8);
        answer[3] = (byte) ourMax;
        System.arraycopy(authzid, 0, answer, 4, authzid.length);
        byte[] wrapped = context.wrap(answer, false); // RFC 4752 3.1: conf_flag FALSE
        layer = chosen;
        sendLimit = serverMax == 0 ? Integer.MAX_VALUE : serverMax;
        receiveLimit = ourMax;
        return wrapped;
    }

    @Override
    public boolean isComplete() {
        return step == Step.COMPLETE;
    }

    /** The negotiated layer; only after completion. */
    public SaslSecurityLayer negotiatedLayer() {
        requireComplete();
        return layer;
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
        requireLayer();
        byte[] token;
        try {
            token = context.wrap(Arrays.copyOfRange(outgoing, offset, offset + len),
                    layer == SaslSecurityLayer.CONFIDENTIALITY);
        } catch (GssException e) {
            throw new GssapiSaslException(e);
        }
        if (token.length > sendLimit) {
            throw new GssapiSaslException(GssapiSaslException.Reason.MESSAGE_TOO_LARGE,
                    "wrapped message of " + token.length + " bytes exceeds the server's maximum " + sendLimit);
        }
        return token;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
        requireLayer();
        if (len > receiveLimit) {
            throw new GssapiSaslException(GssapiSaslException.Reason.MESSAGE_TOO_LARGE,
                    "wrapped message of " + len + " bytes exceeds our announced maximum " + receiveLimit);
        }
        Krb5MessageProtection.Unwrapped u;
        try {
            u = context.unwrap(Arrays.copyOfRange(incoming, offset, offset + len));
        } catch (GssException e) {
            throw new GssapiSaslException(e);
        }
        if (layer == SaslSecurityLayer.CONFIDENTIALITY && !u.confidential()) {
            throw new GssapiSaslException(GssapiSaslException.Reason.NOT_SEALED,
                    "the server sent an unsealed message on a sealed connection");
        }
        return u.data();
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        requireComplete();
        return switch (propName) {
            case Sasl.QOP -> layer.qop();
            case Sasl.MAX_BUFFER -> String.valueOf(receiveLimit);
            case Sasl.RAW_SEND_SIZE -> String.valueOf(rawSendSize());
            default -> null;
        };
    }

    private int rawSendSize() {
        if (layer == SaslSecurityLayer.NONE || sendLimit == Integer.MAX_VALUE) {
            return sendLimit;
        }
        try {
            Krb5MessageProtection p = context.protection();
            int overhead = layer == SaslSecurityLayer.CONFIDENTIALITY ? p.sealedOverhead() : p.signedOverhead();
            return Math.max(0, sendLimit - overhead);
        } catch (GssException e) {
            return 0;
        }
    }

    @Override
    public void dispose() {
        step = Step.DISPOSED;
    }

    private void requireComplete() {
        if (step != Step.COMPLETE) {
            throw new IllegalStateException("the SASL GSSAPI exchange is not complete");
        }
    }

    private void requireLayer() {
        requireComplete();
        if (layer == SaslSecurityLayer.NONE) {
            throw new IllegalStateException("no security layer was negotiated");
        }
    }
}
