package org.bossa.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.kerberos.AcceptorPolicy;
import org.bossa.auth.kerberos.KeytabServiceKeys;
import org.bossa.auth.kerberos.Krb5Acceptor;
import org.bossa.auth.kerberos.ReplayCache;
import org.bossa.auth.kerberos.ServiceKeys;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.Keytab;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.KeytabFile;

/**
 * The fixed Kerberos world of the Kerberos fuzz targets and of the seeds {@link KerberosSeeds} made
 * for them: the machine FILESRV of EXAMPLE.TEST with every SPN {@code bossa join} writes, its keys of
 * kvno 1 and 2 in AES256, AES128 and RC4 (derived from their names, so every JVM has the same ones and
 * the committed AP-REQs decrypt), a keytab written once per JVM to a temporary file, and a clock
 * stopped at {@link #NOW}, the time the seeds' authenticators carry. With it a valid seed passes every
 * check of the acceptor, so mutations of it explore the checks after decryption.
 */
final class KerberosFixture {
    static final String REALM = "EXAMPLE.TEST";
    /** The acceptor's clock and the seeds' authenticator time. */
    static final Instant NOW = Instant.parse("2026-03-14T15:09:26.535897Z");
    /** The seeds' tickets' authtime (whole seconds, as Kerberos times are), and their PACs' CLIENT_INFO. */
    static final Instant AUTH_TIME = Instant.parse("2026-03-14T14:09:26Z");
    static final Instant END_TIME = AUTH_TIME.plus(Duration.ofHours(10));
    static final KerberosName CLIENT = KerberosName.parse("alice@EXAMPLE.TEST", null);
    /** CLIENT's name without realm: what the PACs' CLIENT_INFO holds. */
    static final String CLIENT_NAME = "alice";
    static final KerberosName CIFS = KerberosName.parse("cifs/filesrv.example.test@EXAMPLE.TEST", null);
    static final List<KerberosName> SPNS = List.of(KerberosName.parse("host/FILESRV@EXAMPLE.TEST", null),
            KerberosName.parse("host/filesrv.example.test@EXAMPLE.TEST", null), CIFS,
            KerberosName.parse("cifs/FILESRV@EXAMPLE.TEST", null), KerberosName.parse("FILESRV$@EXAMPLE.TEST", null));
    static final List<EncryptionType> ENCTYPES = List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.ARCFOUR_HMAC);
    static final long[] KVNOS = {1, 2};
    /** The kvno the seeds' tickets are encrypted with (the newest). */
    static final long KVNO = 2;
    /**
     * Default policy with RC4 allowed: a domain that still issues RC4 is where the most code runs
     * (RC4 tickets, session keys and HMAC-MD5 PAC signatures); AES-only refusals are single branches.
     */
    static final AcceptorPolicy POLICY = AcceptorPolicy.defaults().withAllowRc4(true);

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static volatile ServiceKeys serviceKeys;

    private KerberosFixture() {
    }

    /** The machine key of {@code kvno} and {@code type}: a hash of the two, cut to the key size. */
    static EncryptionKey machineKey(long kvno, EncryptionType type) {
        return new EncryptionKey(type, derive("FILESRV$ kvno " + kvno, type), (int) kvno);
    }

    /** The ticket session key of the plaintext tickets {@link SealedApReq} seals. */
    static EncryptionKey sessionKey(EncryptionType type) {
        return new EncryptionKey(type, derive("session", type));
    }

    private static byte[] derive(String label, EncryptionType type) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(("bossa-fuzz " + label + " " + type.getName())
                    .getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(seed, EncryptionHandler.getEncHandler(type).keySize());
        } catch (NoSuchAlgorithmException | KrbException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key the seeds' AES256 tickets are encrypted with; it also signs their PACs' server checksum. */
    static EncryptionKey serviceKey() {
        return machineKey(KVNO, EncryptionType.AES256_CTS_HMAC_SHA1_96);
    }

    /** The KDC (krbtgt) key of the PACs' KDC checksum: the acceptor never checks it, any fixed key does. */
    static EncryptionKey kdcKey() {
        return machineKey(0, EncryptionType.AES256_CTS_HMAC_SHA1_96);
    }

    /** The keytab over the file written on first use (deleted when the JVM exits). */
    static ServiceKeys serviceKeys() {
        ServiceKeys keys = serviceKeys;
        if (keys == null) {
            synchronized (KerberosFixture.class) {
                keys = serviceKeys;
                if (keys == null) {
                    keys = new KeytabServiceKeys(writeKeytab());
                    serviceKeys = keys;
                }
            }
        }
        return keys;
    }

    private static Path writeKeytab() {
        List<KeytabEntry> entries = new ArrayList<>();
        for (long kvno : KVNOS) {
            for (KerberosName spn : SPNS) {
                for (EncryptionType type : ENCTYPES) {
                    entries.add(KeytabEntry.of(spn, AUTH_TIME, kvno, machineKey(kvno, type)));
                }
            }
        }
        try {
            Path file = Files.createTempFile("bossa-fuzz-", ".keytab");
            file.toFile().deleteOnExit();
            KeytabFile.write(file, new Keytab(entries));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new acceptor with an empty replay cache, so that an input is judged the same whatever ran
     * before it (a shared cache would refuse a seed's second run as a replay, and libFuzzer runs every
     * input more than once).
     */
    static Krb5Acceptor acceptor() {
        return new Krb5Acceptor(serviceKeys(), new ReplayCache(16), POLICY, CLOCK, Random.INSTANCE);
    }

    /** The acceptor's randomness (its AP-REP subkeys and sequence numbers): seeded, so runs repeat. */
    private static final class Random {
        static final SecureRandom INSTANCE = seeded();

        private static SecureRandom seeded() {
            try {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
                r.setSeed(0x626f737361L);
                return r;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
