package org.bossa.auth.spnego;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bossa.auth.Mechanism;
import org.bossa.auth.MechanismContext;
import org.bossa.auth.SecurityContext;
import org.bossa.auth.StepResult;
import org.bossa.smb2.wire.NtStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPNEGO acceptor (RFC 4178, MS-SPNG) over the configured mechanisms.
 *
 * <p>Flow for NTLMSSP as smbclient and Windows run it:
 * <ol>
 * <li>client: NegTokenInit {mechTypes, mechToken = NEGOTIATE}; server: NegTokenResp {accept-incomplete,
 * supportedMech, CHALLENGE}</li>
 * <li>client: NegTokenResp {AUTHENTICATE, mechListMIC}; server: NegTokenResp {accept-completed, mechListMIC}</li>
 * </ol>
 *
 * <p>mechListMIC, as Samba's gensec_spnego server does it: once the mechanism is complete and has integrity
 * keys, a MIC exchange is due if the mechanism says so (NTLMSSP: the AUTHENTICATE message carried a MIC), if the
 * client sent a mechListMIC, or if we picked a mechanism that was not the client's first choice. The client's MIC
 * (over the DER mechTypes list it sent) is checked with the client-to-server keys; ours goes into the reply. If the
 * MIC exchange is due and the client has not sent one yet, we answer accept-incomplete with our MIC and wait for
 * the client's in one more round, as Samba does. A wrong or missing MIC when due is LOGON_FAILURE.
 *
 * <p>A token that starts with a mechanism's own signature (a raw NTLMSSP message, or a GSS-API token whose thisMech
 * is a mechanism of ours) is handed to that mechanism without SPNEGO framing, for clients that skip SPNEGO.
 */
public final class SpnegoAcceptor implements SecurityContext {
    private static final Logger LOG = LoggerFactory.getLogger(SpnegoAcceptor.class);

    private enum State { START, NEGOTIATING, WAIT_MIC, RAW, DONE, FAILED }

    private final List<Mechanism> mechanisms;
    private final byte[] negotiateToken;

    private State state = State.START;
    private MechanismContext mech;
    private String mechName = "-";
    private Oid mechOid;
    private byte[] mechTypesDer;
    private boolean downgraded;
    private boolean requestMic;
    private boolean firstReplySent;
    private StepResult heldResult;

    /**
     * @param mechanisms the mechanisms in our order of preference
     * @param negotiateToken the NegTokenInit2 to return if a client starts with an empty token
     */
    public SpnegoAcceptor(List<Mechanism> mechanisms, byte[] negotiateToken) {
        this.mechanisms = List.copyOf(mechanisms);
        this.negotiateToken = Objects.requireNonNull(negotiateToken).clone();
    }

    @Override
    public StepResult step(byte[] inputToken) {
        if (inputToken == null) {
            return fail(NtStatus.INVALID_PARAMETER, "no token");
        }
        try {
            return switch (state) {
                case START -> start(inputToken);
                case NEGOTIATING -> negotiating(inputToken);
                case WAIT_MIC -> waitMic(inputToken);
                case RAW -> raw(mech.step(inputToken));
                case DONE, FAILED -> fail(NtStatus.INVALID_PARAMETER, "a token after the exchange ended");
            };
        } catch (DerException e) {
            return fail(NtStatus.INVALID_PARAMETER, "malformed SPNEGO token: " + e.getMessage());
        } catch (RuntimeException e) {
            // Safety net: hostile input must never surface as an unchecked exception. The decoders map
            // malformed input to DerException, so reaching this is a bug: say so in the log.
            LOG.warn("SPNEGO exchange failed on an unexpected error", e);
            return fail(NtStatus.INVALID_PARAMETER, "internal error");
        }
    }

    @Override
    public String mechanismName() {
        return mechName;
    }

    /** The mechanism chosen, once chosen. */
    public Optional<Oid> selectedMechanism() {
        return Optional.ofNullable(mechOid);
    }

    /** The mechanism context, once chosen (e.g. to reach NTLM session-security keys). */
    public Optional<MechanismContext> mechanismContext() {
        return Optional.ofNullable(mech);
    }

    private StepResult start(byte[] in) throws DerException {
        if (in.length == 0) {
            return StepResult.continueWith(negotiateToken);
        }
        if (in.length > DerReader.MAX_INPUT) {
            return fail(NtStatus.INVALID_PARAMETER, "token of " + in.length + " bytes");
        }
        for (Mechanism m : mechanisms) {
            if (m.recognizesRawToken(in)) {
                return startRaw(m, in);
            }
        }
        Optional<Oid> thisMech = SpnegoTokens.initialTokenMech(in);
        if (thisMech.isPresent() && !thisMech.get().equals(Oid.SPNEGO)) {
            Optional<Mechanism> m = byOid(thisMech.get());
            if (m.isPresent()) {
                return startRaw(m.get(), in);
            }
            return fail(NtStatus.INVALID_PARAMETER, "a raw token of mechanism " + thisMech.get().dotted() + ", not offered");
        }
        NegTokenInit init = NegTokenInit.decodeInitialToken(in);
        mechTypesDer = init.mechTypesDer();
        List<Oid> offered = init.mechTypes();
        for (int i = 0; i < offered.size(); i++) {
            Optional<Mechanism> m = byOid(offered.get(i));
            if (m.isEmpty()) {
                continue;
            }
            mech = m.get().newContext();
            mechName = m.get().name();
            mechOid = offered.get(i);
            state = State.NEGOTIATING;
            if (i > 0) {
                // Not the client's first choice: its optimistic token (say Kerberos, which a Windows
                // client sends once the member has cifs/ SPNs) was for another mechanism and is
                // dropped. RFC 4178 4.2.2 and 5: answer with the selected mechanism and no token,
                // asking for the mechListMIC; the client then starts that mechanism (for NTLMSSP:
                // NEGOTIATE) in its next NegTokenResp.
                downgraded = true;
                return StepResult.continueWith(new NegTokenResp(NegState.REQUEST_MIC, firstReplyMech(), null, null)
                        .encode());
            }
            byte[] token = init.mechToken();
            return afterMechStep(mech.step(token == null ? new byte[0] : token), null);
        }
        return fail(NtStatus.INVALID_PARAMETER, "none of the client's mechanisms is enabled here");
    }

    private StepResult startRaw(Mechanism m, byte[] in) {
        mech = m.newContext();
        mechName = m.name();
        mechOid = new Oid(m.oids().get(0));
        state = State.RAW;
        return raw(mech.step(in));
    }

    private StepResult raw(StepResult r) {
        switch (r.outcome()) {
            case DONE -> state = State.DONE;
            case FAILED -> state = State.FAILED;
            case CONTINUE -> state = State.RAW;
        }
        return r;
    }

    private StepResult negotiating(byte[] in) throws DerException {
        NegTokenResp resp = NegTokenResp.decode(in);
        if (resp.negState() == NegState.REJECT) {
            return fail(NtStatus.LOGON_FAILURE, "the client rejected the negotiation");
        }
        byte[] token = resp.responseToken();
        if (token == null || token.length == 0) {
            return fail(NtStatus.INVALID_PARAMETER, "no mechanism token");
        }
        return afterMechStep(mech.step(token), resp.mechListMic());
    }

    private StepResult waitMic(byte[] in) throws DerException {
        NegTokenResp resp = NegTokenResp.decode(in);
        byte[] token = resp.responseToken();
        if (token != null && token.length != 0) {
            return fail(NtStatus.INVALID_PARAMETER, "a mechanism token where only the mechListMIC was due");
        }
        byte[] mic = resp.mechListMic();
        if (mic == null || !mech.verifyMechListMic(mechTypesDer, mic)) {
            return fail(NtStatus.LOGON_FAILURE, mic == null ? "no mechListMIC" : "wrong mechListMIC");
        }
        StepResult held = heldResult;
        heldResult = null;
        state = State.DONE;
        return StepResult.done(new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null, null).encode(),
                held.user(), held.sessionKey());
    }

    private StepResult afterMechStep(StepResult r, byte[] clientMic) {
        byte[] token = r.outputToken().length == 0 ? null : r.outputToken();
        switch (r.outcome()) {
            case FAILED -> {
                state = State.FAILED;
                heldResult = null;
                byte[] out = token == null ? null : new NegTokenResp(NegState.REJECT, null, token, null).encode();
                return StepResult.failed(r.status(), out, r.claimant(), r.reason());
            }
            case CONTINUE -> {
                NegState st = requestMic ? NegState.REQUEST_MIC : NegState.ACCEPT_INCOMPLETE;
                requestMic = false;
                return StepResult.continueWith(new NegTokenResp(st, firstReplyMech(), token, null).encode());
            }
            default -> {
                return finish(r, token, clientMic);
            }
        }
    }

    private StepResult finish(StepResult r, byte[] token, byte[] clientMic) {
        boolean integrity = mech.integrityAvailable();
        boolean micDue = integrity && (mech.mechListMicExpected() || clientMic != null || downgraded);
        if (!micDue) {
            state = State.DONE;
            return StepResult.done(new NegTokenResp(NegState.ACCEPT_COMPLETED, firstReplyMech(), token, null)
                    .encode(), r.user(), r.sessionKey());
        }
        if (clientMic != null) {
            if (!mech.verifyMechListMic(mechTypesDer, clientMic)) {
                return fail(NtStatus.LOGON_FAILURE, "wrong mechListMIC");
            }
            byte[] ourMic = mech.mechListMic(mechTypesDer);
            state = State.DONE;
            return StepResult.done(new NegTokenResp(NegState.ACCEPT_COMPLETED, firstReplyMech(), token, ourMic)
                    .encode(), r.user(), r.sessionKey());
        }
        byte[] ourMic = mech.mechListMic(mechTypesDer);
        heldResult = r;
        state = State.WAIT_MIC;
        return StepResult.continueWith(new NegTokenResp(NegState.ACCEPT_INCOMPLETE, firstReplyMech(), token, ourMic)
                .encode());
    }

    /** supportedMech appears in the first reply only (RFC 4178 4.2.2). */
    private Oid firstReplyMech() {
        if (firstReplySent) {
            return null;
        }
        firstReplySent = true;
        return mechOid;
    }

    private Optional<Mechanism> byOid(Oid oid) {
        for (Mechanism m : mechanisms) {
            if (m.oids().contains(oid.dotted())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private StepResult fail(NtStatus status, String reason) {
        state = State.FAILED;
        heldResult = null;
        return StepResult.failed(status, "", reason);
    }
}
