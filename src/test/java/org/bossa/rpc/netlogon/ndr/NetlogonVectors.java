package org.bossa.rpc.netlogon.ndr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The stubs of netlogon-ndr.vectors, marshalled by Samba's pidl code (python3-samba 4.17) with the
 * values of gen_netlogon_vectors.py beside it.
 */
final class NetlogonVectors {
    private static final Properties VECTORS = load("netlogon-ndr.vectors");
    /** Answers of the Samba 4.17.12 dev DC, captured by capture_dc_vectors.py (keys zeroed). */
    private static final Properties DC = load("netlogon-dc.vectors");

    private NetlogonVectors() {
    }

    static byte[] get(String key) {
        String hex = (key.startsWith("dc.") ? DC : VECTORS).getProperty(key);
        if (hex == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** 8 bytes first, first+1, ... as the generator's cred(first). */
    static byte[] seq(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    private static Properties load(String name) {
        try (InputStream in = NetlogonVectors.class.getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
