package org.bossa.auth;

import java.util.Objects;
import org.bossa.smb2.wire.NtStatus;

/**
 * The result of one {@link SecurityContext#step} round.
 *
 * @param outcome CONTINUE, DONE or FAILED
 * @param outputToken the token for the client; may be empty, never null
 * @param status the NT status for the SESSION_SETUP response (MORE_PROCESSING_REQUIRED, SUCCESS or an error)
 * @param user the authenticated identity; non-null only when DONE
 * @param sessionKey the session key (16 or more bytes); non-null only when DONE
 * @param claimant on FAILED, who the client claimed to be as far as the mechanism learned it
 *     (domain and user name, or a principal name), or empty; for the audit log, never trusted
 * @param reason on FAILED, why, in words for the administrator's log (never key material); may be empty
 */
public record StepResult(Outcome outcome, byte[] outputToken, NtStatus status, AuthenticatedUser user,
        byte[] sessionKey, String claimant, String reason) {

    /** Where the exchange stands after a round. */
    public enum Outcome {
        /** The server answers MORE_PROCESSING_REQUIRED with the output token and waits for another round. */
        CONTINUE,
        /** Authentication succeeded: user and session key are set. */
        DONE,
        /** Authentication failed with {@link StepResult#status()}; the context is finished. */
        FAILED
    }

    private static final byte[] EMPTY = new byte[0];

    public StepResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        outputToken = outputToken == null ? EMPTY : outputToken.clone();
        claimant = claimant == null ? "" : claimant;
        reason = reason == null ? "" : reason;
        switch (outcome) {
            case DONE -> {
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(sessionKey, "sessionKey");
                if (sessionKey.length < 16) {
                    throw new IllegalArgumentException("session key shorter than 16 bytes");
                }
                sessionKey = sessionKey.clone();
            }
            case CONTINUE, FAILED -> {
                if (user != null || sessionKey != null) {
                    throw new IllegalArgumentException("user and session key only when DONE");
                }
            }
        }
    }

    public static StepResult continueWith(byte[] outputToken) {
        return new StepResult(Outcome.CONTINUE, outputToken, NtStatus.MORE_PROCESSING_REQUIRED, null, null, "", "");
    }

    public static StepResult done(byte[] outputToken, AuthenticatedUser user, byte[] sessionKey) {
        return new StepResult(Outcome.DONE, outputToken, NtStatus.SUCCESS, user, sessionKey, "", "");
    }

    public static StepResult failed(NtStatus status) {
        return failed(status, EMPTY);
    }

    public static StepResult failed(NtStatus status, byte[] outputToken) {
        return failed(status, outputToken, "", "");
    }

    /** A failure with what the audit log should say: who the client claimed to be and why it failed. */
    public static StepResult failed(NtStatus status, String claimant, String reason) {
        return failed(status, EMPTY, claimant, reason);
    }

    public static StepResult failed(NtStatus status, byte[] outputToken, String claimant, String reason) {
        if (!status.isError()) {
            throw new IllegalArgumentException("a failure needs an error status: " + status);
        }
        return new StepResult(Outcome.FAILED, outputToken, status, null, null, claimant, reason);
    }

    @Override
    public byte[] outputToken() {
        return outputToken.clone();
    }

    @Override
    public byte[] sessionKey() {
        return sessionKey == null ? null : sessionKey.clone();
    }

    @Override
    public String toString() {
        return "StepResult[" + outcome + ", " + status.ntName() + ", token " + outputToken.length + " bytes"
                + (user == null ? "" : ", user " + user) + (reason.isEmpty() ? "" : ", " + reason) + "]";
    }
}
