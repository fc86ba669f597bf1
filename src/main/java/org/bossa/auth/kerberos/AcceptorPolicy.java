package org.bossa.auth.kerberos;

import java.time.Duration;
import java.util.Objects;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * What the Kerberos acceptor tolerates.
 *
 * @param clockSkew the largest difference allowed between our clock and the client's authenticator
 *     time, and the slack on the ticket's start and end times (RFC 4120 1.6; AD's default, "Maximum
 *     tolerance for computer clock synchronization", is five minutes). It is also how long the replay
 *     cache must remember an authenticator.
 * @param allowRc4 whether RC4-HMAC (enctype 23) is accepted for the ticket and the session key, for
 *     domains that still issue it; AES128/AES256-CTS-HMAC-SHA1-96 (17, 18) are always accepted and
 *     everything else (DES, the export variants) never
 * @param maxTokenBytes the largest context token looked at; a ticket with a large PAC (a user in many
 *     groups) reaches tens of KiB, Windows' MaxTokenSize is at most 64 KiB
 */
public record AcceptorPolicy(Duration clockSkew, boolean allowRc4, int maxTokenBytes) {
    /** Five minutes, as AD and MIT default to. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** 64 KiB (Windows' largest MaxTokenSize) plus room for the GSS framing. */
    public static final int DEFAULT_MAX_TOKEN_BYTES = 64 * 1024 + 1024;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);
    private static final int MIN_TOKEN_BYTES = 1024;

    public AcceptorPolicy {
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.isZero() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be positive and at most a day, not " + clockSkew);
        }
        if (maxTokenBytes < MIN_TOKEN_BYTES) {
            throw new IllegalArgumentException("maxTokenBytes " + maxTokenBytes + " is below " + MIN_TOKEN_BYTES);
        }
    }

    /** Five minutes of skew, no RC4, 65 KiB tokens. */
    public static AcceptorPolicy defaults() {
        return new AcceptorPolicy(DEFAULT_CLOCK_SKEW, false, DEFAULT_MAX_TOKEN_BYTES);
    }

    /** This policy with RC4 allowed or not. */
    public AcceptorPolicy withAllowRc4(boolean allow) {
        return new AcceptorPolicy(clockSkew, allow, maxTokenBytes);
    }

    /** This policy with another clock skew. */
    public AcceptorPolicy withClockSkew(Duration skew) {
        return new AcceptorPolicy(skew, allowRc4, maxTokenBytes);
    }

    /** Whether a ticket, session key or subkey of this enctype number is acceptable. */
    public boolean allows(int enctype) {
        return enctype == EncryptionType.AES256_CTS_HMAC_SHA1_96.getValue()
                || enctype == EncryptionType.AES128_CTS_HMAC_SHA1_96.getValue()
                || (allowRc4 && enctype == EncryptionType.ARCFOUR_HMAC.getValue());
    }
}
