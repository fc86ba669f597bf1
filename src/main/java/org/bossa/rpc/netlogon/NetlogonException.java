package org.bossa.rpc.netlogon;

import java.util.Objects;

/** A secure channel that could not be set up or broke, with the cause and a one-line message. */
public final class NetlogonException extends Exception {

    /** Why. */
    public enum Cause {
        /** The DC could not be reached, or the connection broke. */
        UNREACHABLE,
        /** The DC refused the machine account's credentials (wrong password, disabled account). */
        ACCESS_DENIED,
        /** The DC did not negotiate AES or authenticated RPC: refused, never downgraded. */
        NO_AES,
        /** GetCapabilities disagreed with what was negotiated or requested (KB5028185). */
        DOWNGRADE_DETECTED,
        /** The server credential or a return authenticator did not verify. */
        BAD_SERVER_CREDENTIAL,
        /** Any other RPC or NDR failure, with the code. */
        PROTOCOL,
        /**
         * One call failed in a way that says nothing about the channel: the DC faulted it with a
         * code about the call itself (bad stub data, an unknown level ...), or its answer could not
         * be decoded. The input of one client can cause this, so the shared channel stays up.
         */
        CALL_FAILED
    }

    private final Cause cause;

    public NetlogonException(Cause cause, String message) {
        super(Objects.requireNonNull(message));
        this.cause = Objects.requireNonNull(cause);
    }

    public NetlogonException(Cause cause, String message, Throwable underlying) {
        super(Objects.requireNonNull(message), underlying);
        this.cause = Objects.requireNonNull(cause);
    }

    public Cause reason() {
        return cause;
    }

    /** True unless only this call failed: the channel must be dropped and made again. */
    public boolean breaksChannel() {
        return cause != Cause.CALL_FAILED;
    }
}
