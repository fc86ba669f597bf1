package org.bossa.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code bossa.auth.*}: which logon mechanisms SESSION_SETUP offers. Kerberos is offered whenever
 * the server is joined (it needs the machine keytab); NTLM can be switched off, as Windows is
 * switching network NTLM off by default.
 */
public class AuthProperties {
    /** Offer NTLMSSP (NTLMv2 only). With false, a joined server takes Kerberos logons only. */
    private boolean ntlm = true;

    @Valid
    @NotNull
    private Kerberos kerberos = new Kerberos();

    public boolean isNtlm() {
        return ntlm;
    }

    public void setNtlm(boolean ntlm) {
        this.ntlm = ntlm;
    }

    public Kerberos getKerberos() {
        return kerberos;
    }

    public void setKerberos(Kerberos kerberos) {
        this.kerberos = kerberos;
    }

    /** {@code bossa.auth.kerberos.*}: the acceptor's tolerances. */
    public static class Kerberos {
        /** How far a client's clock and a ticket's times may be from ours (RFC 4120 default: 5 minutes). */
        @NotNull
        private Duration clockSkew = Duration.ofMinutes(5);

        /**
         * Authenticators remembered to refuse replays, within the clock-skew window. When that many
         * arrive within one window, further logons are refused until older ones age out.
         */
        @Min(1024)
        private int replayCacheEntries = 100_000;

        public Duration getClockSkew() {
            return clockSkew;
        }

        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        public int getReplayCacheEntries() {
            return replayCacheEntries;
        }

        public void setReplayCacheEntries(int replayCacheEntries) {
            this.replayCacheEntries = replayCacheEntries;
        }

        @AssertTrue(message = "bossa.auth.kerberos.clock-skew must be between 1 second and 1 hour")
        boolean isClockSkewInRange() {
            return clockSkew == null
                    || clockSkew.compareTo(Duration.ofSeconds(1)) >= 0 && clockSkew.compareTo(Duration.ofHours(1)) <= 0;
        }
    }
}
