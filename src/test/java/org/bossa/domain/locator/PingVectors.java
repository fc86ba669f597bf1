package org.bossa.domain.locator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** The captured LDAP pings of samba-ldap-ping.vectors, as bytes. */
final class PingVectors {
    private static final Properties VECTORS = load();

    private PingVectors() {
    }

    static byte[] get(String key) {
        String hex = VECTORS.getProperty(key);
        if (hex == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** The Netlogon attribute value inside a captured answer datagram. */
    static byte[] netlogon(String answerKey) throws NetlogonFormatException {
        return LdapPing.answer(get(answerKey)).netlogon().orElseThrow();
    }

    private static Properties load() {
        try (InputStream in = PingVectors.class.getResourceAsStream("samba-ldap-ping.vectors")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
