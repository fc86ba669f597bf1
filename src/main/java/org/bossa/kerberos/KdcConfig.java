package org.bossa.kerberos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * Everything {@link KdcClient} needs, given in code rather than in a krb5.conf: the realm, the KDCs
 * to try in order, the time to wait for each attempt, and whether RC4-HMAC may be used (off by
 * default: CVE-2022-37966 hardening; AD accounts made since 2008 have AES keys).
 */
public record KdcConfig(String realm, List<KdcAddress> kdcs, Duration timeout, boolean allowRc4) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public KdcConfig {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("empty realm");
        }
        realm = realm.toUpperCase(Locale.ROOT);
        kdcs = List.copyOf(kdcs);
        if (kdcs.isEmpty()) {
            throw new IllegalArgumentException("no KDC configured for " + realm);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("KDC timeout must be between 0 and 5 minutes: " + timeout);
        }
    }

    /** A realm and KDCs as {@code host[:port]} strings, with the default timeout and AES only. */
    public static KdcConfig of(String realm, List<String> kdcs) {
        return new KdcConfig(realm, kdcs.stream().map(k -> KdcAddress.parse(k, KdcAddress.KERBEROS_PORT)).toList(),
                DEFAULT_TIMEOUT, false);
    }

    public KdcConfig withTimeout(Duration newTimeout) {
        return new KdcConfig(realm, kdcs, newTimeout, allowRc4);
    }

    public KdcConfig withRc4(boolean allow) {
        return new KdcConfig(realm, kdcs, timeout, allow);
    }

    /** The encryption types offered to the KDC, strongest first. */
    public List<EncryptionType> enctypes() {
        return allowRc4
                ? List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96,
                        EncryptionType.ARCFOUR_HMAC)
                : List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96);
    }
}
