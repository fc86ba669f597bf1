package org.bossa.auth.ntlm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.MechanismContext;
import org.bossa.auth.StepResult;
import org.bossa.smb2.wire.NtStatus;

/**
 * NTLMSSP acceptor (MS-NLMP 3.2, server side), NTLMv2 only.
 *
 * <p>Round 1: NEGOTIATE (or nothing, as when SPNEGO picked NTLMSSP without an optimistic token) in, CHALLENGE out.
 * Round 2: AUTHENTICATE in; the response is checked by the {@link NtlmVerifier}, the exported session key is
 * recovered (KEY_EXCH), the MIC is checked when MsvAvFlags announces one, and the session-security keys are
 * derived.
 *
 * <p>Statuses: a message that does not decode or contradicts our CHALLENGE is INVALID_PARAMETER (as Samba); a
 * wrong password, an unknown user, a refused LM/NTLMv1 response, a refused anonymous logon and a wrong MIC are
 * LOGON_FAILURE.
 */
public final class NtlmAcceptor implements MechanismContext {
    /** What Samba's server offers; each bit is kept only if the client asked for it. */
    static final int NEGOTIABLE = NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL
            | NtlmFlags.NEGOTIATE_ALWAYS_SIGN | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_56 | NtlmFlags.NEGOTIATE_KEY_EXCH;
    /** Assumed client flags when SPNEGO starts us without a NEGOTIATE message. */
    static final int IMPLIED_CLIENT_FLAGS = NEGOTIABLE | NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.REQUEST_TARGET
            | NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_VERSION;
    /** Our VERSION: 6.1, build 0, NTLMSSP_REVISION_W2K3 (as Samba sends). */
    static final byte[] SERVER_VERSION = {6, 1, 0, 0, 0, 0, 0, 0x0F};
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private enum State { INITIAL, CHALLENGE_SENT, DONE, FAILED }

    private final NtlmServerConfig config;
    private final NtlmVerifier verifier;
    private final RandomGenerator random;
    private final Clock clock;

    private State state = State.INITIAL;
    private byte[] negotiateBytes;
    private byte[] challengeBytes;
    private NtlmChallengeMessage challenge;
    private String claimant = "";
    private int negotiatedFlags;
    private NtlmSessionKeys keys;
    private boolean micReceived;
    private boolean anonymous;

    public NtlmAcceptor(NtlmServerConfig config, NtlmVerifier verifier) {
        this(config, verifier, new SecureRandom(), Clock.systemUTC());
    }

    /** With a chosen source of server challenges and time, for tests. */
    public NtlmAcceptor(NtlmServerConfig config, NtlmVerifier verifier, RandomGenerator random, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public StepResult step(byte[] inputToken) {
        if (inputToken == null) {
            return fail(NtStatus.INVALID_PARAMETER, "no token");
        }
        try {
            return switch (state) {
                case INITIAL -> negotiate(inputToken);
                case CHALLENGE_SENT -> authenticate(inputToken);
                case DONE, FAILED -> fail(NtStatus.INVALID_PARAMETER, "a token after the exchange ended");
            };
        } catch (NtlmDecodingException e) {
            return fail(NtStatus.INVALID_PARAMETER, "malformed NTLM message: " + e.getMessage());
        } catch (RuntimeException e) {
            // Safety net: no input may escape as an unchecked exception into the SMB layer.
            return fail(NtStatus.INVALID_PARAMETER, "malformed NTLM message");
        }
    }

    private StepResult negotiate(byte[] input) throws NtlmDecodingException {
        int clientFlags;
        if (input.length == 0) {
            clientFlags = IMPLIED_CLIENT_FLAGS;
        } else {
            clientFlags = NtlmNegotiateMessage.decode(input).flags();
        }
        int flags = NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_VERSION
                | (clientFlags & NEGOTIABLE);
        if (NtlmFlags.has(clientFlags, NtlmFlags.NEGOTIATE_UNICODE)
                || !NtlmFlags.has(clientFlags, NtlmFlags.NEGOTIATE_OEM)) {
            flags |= NtlmFlags.NEGOTIATE_UNICODE;
        } else {
            flags |= NtlmFlags.NEGOTIATE_OEM;
        }
        String targetName = "";
        if (NtlmFlags.has(clientFlags, NtlmFlags.REQUEST_TARGET)) {
            flags |= NtlmFlags.REQUEST_TARGET;
            flags |= config.standalone() ? NtlmFlags.TARGET_TYPE_SERVER : NtlmFlags.TARGET_TYPE_DOMAIN;
            targetName = config.targetName();
        }
        byte[] serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);
        List<AvPair> info = new ArrayList<>();
        info.add(AvPair.ofString(AvPair.MSV_AV_NB_DOMAIN_NAME, config.targetName()));
        info.add(AvPair.ofString(AvPair.MSV_AV_NB_COMPUTER_NAME, config.netbiosComputer()));
        info.add(AvPair.ofString(AvPair.MSV_AV_DNS_DOMAIN_NAME, config.dnsDomain()));
        info.add(AvPair.ofString(AvPair.MSV_AV_DNS_COMPUTER_NAME, config.dnsComputer()));
        info.add(AvPair.ofLong(AvPair.MSV_AV_TIMESTAMP, filetime(clock.instant())));
        challenge = new NtlmChallengeMessage(flags, targetName, serverChallenge, new AvPairs(info), SERVER_VERSION);
        negotiateBytes = input.clone();
        challengeBytes = challenge.encode();
        state = State.CHALLENGE_SENT;
        return StepResult.continueWith(challengeBytes);
    }

    static long filetime(Instant t) {
        return (t.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + t.getNano() / 100;
    }

    private StepResult authenticate(byte[] input) throws NtlmDecodingException {
        NtlmAuthenticateMessage auth = NtlmAuthenticateMessage.decode(input);
        claimant = auth.domainName().isEmpty() ? auth.userName() : auth.domainName() + "\\" + auth.userName();
        int offered = challenge.flags();
        negotiatedFlags = auth.flags() == 0 ? offered : offered & auth.flags();
        boolean keyExch = NtlmFlags.has(negotiatedFlags, NtlmFlags.NEGOTIATE_KEY_EXCH);

        if (auth.isAnonymous()) {
            if (!config.allowAnonymous()) {
                return fail(NtStatus.LOGON_FAILURE, "anonymous logons are not allowed");
            }
            anonymous = true;
            byte[] exported = new byte[16];
            byte[] enc = auth.encryptedRandomSessionKey();
            if (keyExch && enc.length == 16) {
                exported = NtlmCrypto.rc4(new byte[16], enc);
            }
            keys = NtlmSessionKeys.derive(exported, negotiatedFlags);
            state = State.DONE;
            return StepResult.done(new byte[0], AuthenticatedUser.anonymousUser(), exported);
        }

        byte[] nt = auth.ntChallengeResponse();
        if (nt.length <= 24) {
            // Empty (LM only) or 24 bytes (NTLMv1 / NTLM2 session response): refused, NTLMv2 only.
            return fail(NtStatus.LOGON_FAILURE, "LM or NTLMv1 response refused: NTLMv2 only");
        }
        NtlmV2Response v2 = NtlmV2Response.decode(nt);
        int avFlags = v2.avPairs().flags();
        boolean micPresent = (avFlags & AvPair.AV_FLAG_MIC_PRESENT) != 0;
        if (micPresent && auth.mic() == null) {
            return fail(NtStatus.INVALID_PARAMETER, "MIC flagged but absent");
        }
        if (!echoesOurTargetInfo(v2.avPairs())) {
            return fail(NtStatus.INVALID_PARAMETER, "the NTLMv2 blob does not echo our target information");
        }

        NtlmVerification verification = verifier.verify(auth, challenge.serverChallenge(), nt);
        if (verification == null || !verification.succeeded()) {
            NtStatus status = verification == null ? NtStatus.LOGON_FAILURE : verification.status();
            return fail(status, "the verifier refused the response");
        }
        byte[] sessionBaseKey = verification.sessionBaseKey();
        byte[] exported;
        if (keyExch) {
            byte[] enc = auth.encryptedRandomSessionKey();
            if (enc.length != 16) {
                return fail(NtStatus.INVALID_PARAMETER, "encrypted session key not 16 bytes");
            }
            exported = NtlmCrypto.rc4(sessionBaseKey, enc);
        } else {
            exported = sessionBaseKey.clone();
        }
        Arrays.fill(sessionBaseKey, (byte) 0);

        if (micPresent) {
            byte[] zeroed = input.clone();
            Arrays.fill(zeroed, NtlmAuthenticateMessage.MIC_OFFSET,
                    NtlmAuthenticateMessage.MIC_OFFSET + NtlmAuthenticateMessage.MIC_LENGTH, (byte) 0);
            byte[] expected = NtlmCrypto.hmacMd5(exported, negotiateBytes, challengeBytes, zeroed);
            if (!NtlmCrypto.equal(expected, auth.mic())) {
                Arrays.fill(exported, (byte) 0);
                return fail(NtStatus.LOGON_FAILURE, "wrong MIC in the AUTHENTICATE message");
            }
            micReceived = true;
        }
        keys = NtlmSessionKeys.derive(exported, negotiatedFlags);
        state = State.DONE;
        return StepResult.done(new byte[0], verification.user(), exported);
    }

    /** Samba's check: every pair of our TargetInfo must come back unchanged in the client's NTLMv2 blob. */
    private boolean echoesOurTargetInfo(AvPairs client) {
        for (AvPair ours : challenge.targetInfo().pairs()) {
            Optional<AvPair> theirs = client.find(ours.id());
            if (theirs.isEmpty() || !Arrays.equals(theirs.get().value(), ours.value())) {
                return false;
            }
        }
        return true;
    }

    private StepResult fail(NtStatus status, String reason) {
        state = State.FAILED;
        keys = null;
        return StepResult.failed(status, claimant, reason);
    }

    @Override
    public String mechanismName() {
        return "ntlm";
    }

    /** The flags in force after AUTHENTICATE (CHALLENGE's offer intersected with the client's final flags). */
    public int negotiatedFlags() {
        return negotiatedFlags;
    }

    /** The session-security keys, once DONE. */
    public Optional<NtlmSessionKeys> sessionKeys() {
        return state == State.DONE ? Optional.of(keys) : Optional.empty();
    }

    /** The CHALLENGE we sent, once sent (for pass-through verifiers and logs). */
    public Optional<NtlmChallengeMessage> challenge() {
        return Optional.ofNullable(challenge);
    }

    @Override
    public boolean integrityAvailable() {
        return state == State.DONE && !anonymous && keys.extendedSessionSecurity()
                && NtlmFlags.has(negotiatedFlags, NtlmFlags.NEGOTIATE_SIGN);
    }

    @Override
    public boolean mechListMicExpected() {
        return integrityAvailable() && micReceived;
    }

    @Override
    public byte[] mechListMic(byte[] mechTypesDer) {
        requireIntegrity();
        return NtlmSessionSecurity.forServer(keys).sign(mechTypesDer);
    }

    @Override
    public boolean verifyMechListMic(byte[] mechTypesDer, byte[] mic) {
        requireIntegrity();
        return mic != null && NtlmSessionSecurity.forServer(keys).verify(mechTypesDer, mic);
    }

    private void requireIntegrity() {
        if (!integrityAvailable()) {
            throw new IllegalStateException("no NTLM integrity keys");
        }
    }
}
